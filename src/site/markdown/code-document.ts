/**
 * Code blocks highlighted by the content layer's Markdown renderer (Expressive Code, as in every page) instead
 * of by `<Code>` at page render: the blocks go into one Markdown document of fences, each after a marker, and
 * the rendered HTML is cut back at the markers. A loader stores the pieces with the document's digest, so an
 * unchanged document is never rendered again (used for the guide snippets and the evidence artifacts).
 */

/** One block to highlight. */
export interface CodeBlockText {
  lang: string;
  /** Frame title; optional. */
  title?: string;
  code: string;
}

const marker = (index: number) => `<div data-pb-block="${index}"></div>`;
const MARKER = /<div data-pb-block="\d+"><\/div>/;

/** One Markdown document: a marker, then the block as a fence (longer than any backtick run in it), per block. */
export function codeBlocksMarkdown(blocks: readonly CodeBlockText[]): string {
  return blocks
    .map((block, i) => {
      if (!/^[a-z0-9+#-]*$/i.test(block.lang)) throw new Error(`code block ${i}: language ${JSON.stringify(block.lang)} is not a fence language`);
      if (block.title?.includes('"')) throw new Error(`code block ${i}: title ${JSON.stringify(block.title)} may not contain a double quote`);
      const longestRun = Math.max(0, ...(block.code.match(/`+/g) ?? []).map((run) => run.length));
      const fence = '`'.repeat(Math.max(3, longestRun + 1));
      const meta = block.title === undefined ? '' : ` title="${block.title}"`;
      return `${marker(i)}\n\n${fence}${block.lang}${meta}\n${block.code.replace(/\n$/, '')}\n${fence}\n`;
    })
    .join('\n');
}

/** The rendered document cut back into one HTML string per block; `what` names the document in the error. */
export function splitCodeBlocks(html: string, count: number, what: string): string[] {
  const parts = html.split(MARKER).slice(1).map((part) => part.trim());
  if (parts.length !== count) throw new Error(`${what}: expected ${count} highlighted blocks, the Markdown render gave ${parts.length}`);
  return parts;
}

/** Highlights `blocks` with the content layer's Markdown renderer; one HTML string per block, none for none. */
export async function renderCodeBlocks(renderMarkdown: (markdown: string) => Promise<{ html: string }>, blocks: readonly CodeBlockText[], what: string): Promise<string[]> {
  if (blocks.length === 0) return [];
  return splitCodeBlocks((await renderMarkdown(codeBlocksMarkdown(blocks))).html, blocks.length, what);
}
