import type { Code, Parent, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { blockSourceHash } from '../../runbooks/block-id.ts';
import { parseBlockMeta, runModeOf } from '../../runbooks/block-meta.ts';
import { htmlNode } from './html-node.ts';

/**
 * Runbook blocks (```` ```bash run=ci ```` fences): the evidence shown under each depends on evaluation/, and
 * Markdown HTML is cached by content digest, so the plugin only leaves a placeholder after the block (after its
 * expected-output fence, when it has one). The MarkdownContent override fills it at page render from the status
 * model (src/site/components/runbooks/run-block-html.ts). The placeholder names the block by its position among
 * the page's runnable blocks, as src/runbooks/extract.ts numbers them, and by its source hash as a cross-check.
 */

/** The class of the placeholder element; HTML that contains it has block evidence to fill. */
export const RUN_PLACEHOLDER_CLASS = 'pb-run-ref';

/** The placeholder HTML for the `ordinal`-th runnable block of a page, whose source hashes to `sourceHash`. */
export function runPlaceholderHtml(ordinal: number, sourceHash: string): string {
  return `<div class="${RUN_PLACEHOLDER_CLASS}" data-run-ordinal="${ordinal}" data-source="${sourceHash}"></div>`;
}

/** The expected-output fence that follows a code node, when its next sibling is one. */
function expectedSibling(next: { type?: string; lang?: string | null; meta?: string | null; value?: string } | undefined): string | undefined {
  return next?.type === 'code' && parseBlockMeta(next.lang, next.meta).isExpect ? next.value : undefined;
}

/** remark plugin (unified processor): a placeholder after each runnable block. */
export function remarkRunBlocks() {
  return (tree: Root, file: { path?: string; history?: string[] }) => {
    const isMdx = (file.path ?? file.history?.at(-1) ?? '').endsWith('.mdx');
    const inserts: { parent: Parent; at: number; html: string }[] = [];
    let ordinal = 0;
    visit(tree, 'code', (node: Code, index, parent) => {
      if (!runModeOf(node.lang, node.meta) || index === undefined || !parent) return;
      const expected = expectedSibling(parent.children[index + 1] as Code | undefined);
      const hash = blockSourceHash(node.lang ?? '', node.value, expected);
      inserts.push({ parent, at: index + (expected === undefined ? 1 : 2), html: runPlaceholderHtml(++ordinal, hash) });
    });
    // Last first, so earlier insertion points keep their indexes.
    for (const { parent, at, html } of inserts.reverse()) parent.children.splice(at, 0, htmlNode(html, isMdx, 'flow') as Parent['children'][number]);
  };
}

interface SatteriCode {
  type: 'code';
  lang?: string | null;
  meta?: string | null;
  value: string;
}

interface SatteriContext {
  parent(node: unknown): { children: readonly unknown[] } | undefined;
  indexOf(node: unknown): number | undefined;
  insertAfter(node: unknown, content: unknown): void;
}

/** The same transform as a Sätteri mdast plugin (Astro 7's default processor); a factory, so the count is per page. */
export function satteriRunBlocks() {
  return ({ sourceFormat }: { sourceFormat?: string }) => {
    let ordinal = 0;
    return {
      name: 'proofbook-run-blocks',
      code(node: SatteriCode, ctx: SatteriContext) {
        if (!runModeOf(node.lang, node.meta)) return undefined;
        const index = ctx.indexOf(node);
        const next = index === undefined ? undefined : (ctx.parent(node)?.children[index + 1] as SatteriCode | undefined);
        const expected = expectedSibling(next);
        const html = htmlNode(runPlaceholderHtml(++ordinal, blockSourceHash(node.lang ?? '', node.value, expected)), sourceFormat === 'mdx', 'flow');
        ctx.insertAfter(expected === undefined || !next ? node : next, html);
        return undefined;
      },
    };
  };
}
