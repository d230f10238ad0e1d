import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { checkIdOf, checkPlaceholderHtml, remarkCheckDirective, satteriCheckDirective } from './check-directive.ts';

async function render(markdown: string): Promise<string> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkDirective)
    .use(remarkCheckDirective)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeStringify, { allowDangerousHtml: true })
    .process(markdown);
  return String(file);
}

describe(':check[…] directive', () => {
  test('becomes a placeholder the page render fills in', async () => {
    expect(await render('Verified by :check[mcp.tools-list] today.')).toBe(`<p>Verified by ${checkPlaceholderHtml('mcp.tools-list')} today.</p>`);
  });

  test.each([
    ['another directive name', { type: 'textDirective', name: 'note', children: [{ type: 'text', value: 'mcp.tools-list' }] }],
    ['a malformed id', { type: 'textDirective', name: 'check', children: [{ type: 'text', value: 'Not An Id' }] }],
    ['a leaf directive', { type: 'leafDirective', name: 'check', children: [{ type: 'text', value: 'mcp.tools-list' }] }],
  ])('ignores %s', (_name, node) => {
    expect(checkIdOf(node)).toBeUndefined();
  });

  test('the Sätteri variant emits the same placeholder, as a set:html Fragment in MDX', () => {
    const node = { type: 'textDirective', name: 'check', children: [{ type: 'text', value: 'sse.heartbeat' }] };
    expect(satteriCheckDirective()({ sourceFormat: 'md' }).textDirective(node)).toEqual({ type: 'html', value: checkPlaceholderHtml('sse.heartbeat') });
    expect(satteriCheckDirective()({ sourceFormat: 'mdx' }).textDirective(node)).toMatchObject({ type: 'mdxJsxTextElement', name: 'Fragment' });
  });
});
