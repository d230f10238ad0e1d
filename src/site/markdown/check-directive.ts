import { visit } from 'unist-util-visit';
import { CheckIdSchema } from '../../schemas/check-id.ts';
import { htmlNode } from './html-node.ts';

/**
 * `:check[mcp.tools-list]` in runbooks, and `:outstanding[lan-catalog]` for an outstanding item's state. Markdown rendering is cached by content digest, so the plugin
 * only leaves a placeholder; the MarkdownContent override swaps it for a live pill with the build's age
 * (src/site/components/status/pill-html.ts), and the route middleware (src/site/overrides/route-data.ts) reads the same
 * ids from the page body for the banner.
 */

/** The class of the placeholder element; HTML that contains it has pills to fill. */
export const CHECK_PLACEHOLDER_CLASS = 'pb-check-ref';

/** The placeholder HTML for one check id; readable on its own (the id in code) if nothing fills it. */
export function checkPlaceholderHtml(checkId: string): string {
  return `<span class="${CHECK_PLACEHOLDER_CLASS}" data-check="${checkId}"><code>${checkId}</code></span>`;
}

interface DirectiveLike {
  type: string;
  name?: string;
  children?: { type: string; value?: string }[];
}

/** The placeholder HTML for an outstanding item's state (`:outstanding[lan-catalog]`), filled like a check pill. */
export function outstandingPlaceholderHtml(itemId: string): string {
  return `<span class="${CHECK_PLACEHOLDER_CLASS}" data-outstanding="${itemId}"><code>${itemId}</code></span>`;
}

const ITEM_ID = /^[a-z0-9][a-z0-9-]*$/;

/** The placeholder for a `:check[…]` or `:outstanding[…]` directive, or undefined when it is neither or the id is malformed. */
function placeholderOf(node: DirectiveLike): string | undefined {
  if (node.type !== 'textDirective') return undefined;
  const label = (node.children ?? []).map((child) => child.value ?? '').join('').trim();
  if (node.name === 'check') return CheckIdSchema.safeParse(label).success ? checkPlaceholderHtml(label) : undefined;
  if (node.name === 'outstanding') return ITEM_ID.test(label) ? outstandingPlaceholderHtml(label) : undefined;
  return undefined;
}

/** The check id a `:check[…]` directive names, or undefined when it is not one or the id is malformed. */
export function checkIdOf(node: DirectiveLike): string | undefined {
  if (node.type !== 'textDirective' || node.name !== 'check') return undefined;
  const label = (node.children ?? []).map((child) => child.value ?? '').join('').trim();
  return CheckIdSchema.safeParse(label).success ? label : undefined;
}

/** remark plugin (unified processor): replaces `:check[id]` directives with placeholders. Needs remark-directive, which Starlight adds. */
export function remarkCheckDirective() {
  return (tree: Parameters<typeof visit>[0], file: { path?: string; history?: string[] }) => {
    const isMdx = (file.path ?? file.history?.at(-1) ?? '').endsWith('.mdx');
    visit(tree, 'textDirective', (node, index, parent) => {
      const placeholder = placeholderOf(node as DirectiveLike);
      if (placeholder === undefined || index === undefined || !parent) return;
      (parent as { children: unknown[] }).children[index] = htmlNode(placeholder, isMdx, 'text');
    });
  };
}

/** The same transform as a Sätteri mdast plugin (Astro 7's default processor), registered as a factory like Starlight's own. */
export function satteriCheckDirective() {
  return ({ sourceFormat }: { sourceFormat?: string }) => ({
    name: 'proofbook-check-directive',
    textDirective(node: DirectiveLike) {
      const placeholder = placeholderOf(node);
      return placeholder === undefined ? undefined : htmlNode(placeholder, sourceFormat === 'mdx', 'text');
    },
  });
}
