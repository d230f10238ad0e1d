/**
 * The node that puts raw HTML where a directive was: an `html` node in Markdown, a `set:html` Fragment in MDX
 * (where raw HTML nodes are not allowed); `text` inside a paragraph, `flow` as a block.
 */
export function htmlNode(html: string, isMdx: boolean, placement: 'text' | 'flow') {
  if (!isMdx) return { type: 'html', value: html };
  const type = placement === 'text' ? 'mdxJsxTextElement' : 'mdxJsxFlowElement';
  return { type, name: 'Fragment', attributes: [{ type: 'mdxJsxAttribute', name: 'set:html', value: html }], children: [] };
}
