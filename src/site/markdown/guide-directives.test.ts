import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { guideSectionOf, guideSectionPlaceholderHtml, remarkGuideDirectives, satteriGuideDirectives, splitAtGuideSections } from './guide-directives.ts';

async function render(markdown: string, path = 'content/docs/clients/codex.md'): Promise<string> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkDirective)
    .use(remarkGuideDirectives)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeStringify, { allowDangerousHtml: true })
    .process({ value: markdown, path });
  return String(file);
}

describe('::client-setup and ::secret-setup', () => {
  test('become placeholders, and the rendered page splits back into HTML and the sections in order', async () => {
    const html = await render('## 1. Key\n\n::secret-setup\n\n## 2. Server\n\n::client-setup{client="codex"}\n\nDone.\n');
    expect(html).toContain(guideSectionPlaceholderHtml({ kind: 'secret-setup' }));
    expect(html).toContain(guideSectionPlaceholderHtml({ kind: 'client-setup', client: 'codex' }));
    expect(splitAtGuideSections(html)).toEqual([
      '<h2>1. Key</h2>\n',
      { kind: 'secret-setup' },
      '\n<h2>2. Server</h2>\n',
      { kind: 'client-setup', client: 'codex' },
      '\n<p>Done.</p>',
    ]);
  });

  test('a page without them is one piece', () => {
    expect(splitAtGuideSections('<p>plain</p>')).toEqual(['<p>plain</p>']);
  });

  test('a ::client-setup without a client id fails with the file and line', async () => {
    await expect(render('Intro.\n\n::client-setup\n', 'content/docs/clients/x.md')).rejects.toThrow(
      'content/docs/clients/x.md:3: ::client-setup needs a client id, e.g. ::client-setup{client="codex"}; got ""',
    );
  });

  test.each([
    ['another leaf directive', { type: 'leafDirective', name: 'note' }],
    ['a text directive', { type: 'textDirective', name: 'secret-setup' }],
  ])('ignores %s', (_name, node) => {
    expect(guideSectionOf(node, 'x.md')).toBeUndefined();
  });

  test('the Sätteri variant emits the same placeholder, as a set:html Fragment in MDX', () => {
    const node = { type: 'leafDirective', name: 'client-setup', attributes: { client: 'vscode' } };
    const html = guideSectionPlaceholderHtml({ kind: 'client-setup', client: 'vscode' });
    expect(satteriGuideDirectives()({ sourceFormat: 'md' }).leafDirective(node)).toEqual({ type: 'html', value: html });
    expect(satteriGuideDirectives()({ sourceFormat: 'mdx' }).leafDirective(node)).toMatchObject({ type: 'mdxJsxFlowElement', name: 'Fragment' });
  });
});
