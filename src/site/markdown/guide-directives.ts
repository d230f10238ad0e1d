import { visit } from 'unist-util-visit';
import { htmlNode } from './html-node.ts';

/**
 * `::client-setup{client="codex"}` and `::secret-setup` in the client guides. The guides are plain Markdown,
 * so the content layer renders them once and keeps the HTML by content digest; the generated setup depends
 * on content/gateway.yaml, not on the page, so the plugin only leaves a placeholder and the MarkdownContent
 * override renders the setup component in its place at page render (src/site/overrides/MarkdownContent.astro).
 */

/** What a placeholder stands for. */
export type GuideSection = { kind: 'client-setup'; client: string } | { kind: 'secret-setup' };

/** A client id as the registry spells them (`claude-code`); which ids exist is checked at page render. */
const CLIENT_ID = /^[a-z][a-z0-9-]*$/;

/** The class of the placeholder element; HTML that contains it has sections to fill. */
export const GUIDE_SECTION_CLASS = 'pb-guide-section';

/** The placeholder HTML for one section; says what is missing if nothing fills it. */
export function guideSectionPlaceholderHtml(section: GuideSection): string {
  return section.kind === 'client-setup'
    ? `<div class="${GUIDE_SECTION_CLASS}" data-section="client-setup" data-client="${section.client}"><p>Setup for <code>${section.client}</code>: generated at page render.</p></div>`
    : `<div class="${GUIDE_SECTION_CLASS}" data-section="secret-setup"><p>Key setup: generated at page render.</p></div>`;
}

interface DirectiveLike {
  type: string;
  name?: string;
  attributes?: Record<string, string | null | undefined> | null;
  position?: { start?: { line?: number } };
}

/**
 * The section a leaf directive names, or undefined when it is not one of ours. A `::client-setup` without a
 * well-formed `client` attribute is an author's mistake, reported with its line rather than left as text.
 */
export function guideSectionOf(node: DirectiveLike, file: string): GuideSection | undefined {
  if (node.type !== 'leafDirective') return undefined;
  if (node.name === 'secret-setup') return { kind: 'secret-setup' };
  if (node.name !== 'client-setup') return undefined;
  const client = node.attributes?.client ?? '';
  if (!CLIENT_ID.test(client)) {
    throw new Error(`${file}:${node.position?.start?.line ?? '?'}: ::client-setup needs a client id, e.g. ::client-setup{client="codex"}; got ${JSON.stringify(client)}`);
  }
  return { kind: 'client-setup', client };
}

/** remark plugin (unified processor): replaces the guide directives with placeholders. */
export function remarkGuideDirectives() {
  return (tree: Parameters<typeof visit>[0], file: { path?: string; history?: string[] }) => {
    const name = file.path ?? file.history?.at(-1) ?? '<markdown>';
    visit(tree, 'leafDirective', (node, index, parent) => {
      const section = guideSectionOf(node as DirectiveLike, name);
      if (section === undefined || index === undefined || !parent) return;
      (parent as { children: unknown[] }).children[index] = htmlNode(guideSectionPlaceholderHtml(section), name.endsWith('.mdx'), 'flow');
    });
  };
}

/** The same transform as a Sätteri mdast plugin (Astro 7's default processor). */
export function satteriGuideDirectives() {
  return ({ sourceFormat, fileURL }: { sourceFormat?: string; fileURL?: URL }) => ({
    name: 'proofbook-guide-directives',
    leafDirective(node: DirectiveLike) {
      const section = guideSectionOf(node, fileURL?.pathname ?? '<markdown>');
      return section === undefined ? undefined : htmlNode(guideSectionPlaceholderHtml(section), sourceFormat === 'mdx', 'flow');
    },
  });
}

const PLACEHOLDER = new RegExp(`<div class="${GUIDE_SECTION_CLASS}" data-section="(client-setup|secret-setup)"(?: data-client="([a-z0-9-]+)")?>.*?</div>`, 'gs');

/** Rendered page HTML cut at the placeholders: HTML strings and the sections to render between them. */
export function splitAtGuideSections(html: string): (string | GuideSection)[] {
  const parts: (string | GuideSection)[] = [];
  let last = 0;
  for (const match of html.matchAll(PLACEHOLDER)) {
    parts.push(html.slice(last, match.index));
    parts.push(match[1] === 'client-setup' ? { kind: 'client-setup', client: match[2] ?? '' } : { kind: 'secret-setup' });
    last = match.index + match[0].length;
  }
  parts.push(html.slice(last));
  return parts.filter((part) => part !== '');
}
