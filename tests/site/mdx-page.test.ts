import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { buildCopy } from './edited-copy-build.ts';

// An MDX page is compiled at render rather than stored as HTML; the MarkdownContent override must fill its
// `:check[…]` placeholders all the same.
test('an MDX runbook renders its :check[…] directive as a live pill, like a Markdown one', { timeout: 300_000 }, async () => {
  const page = ['---', 'title: An MDX runbook', 'description: A runbook written in MDX.', '---', '', 'The catalog is captured by :check[mcp.tools-list] on every run.', ''].join('\n');
  const { code, output, files } = await buildCopy(
    (siteDir) => writeFile(path.join(siteDir, 'content/docs/runbooks/mdx-runbook.mdx'), page),
    ['runbooks/mdx-runbook/index.html', 'runbooks/capturing-the-tool-catalog/index.html'],
  );
  expect(code, output.slice(-3000)).toBe(0);
  const pill = /<a class="pb-check" href="\/status\/#mcp\.tools-list"><code>mcp\.tools-list<\/code> <span class="pb-pill pb-[a-z-]+">[^<]+<\/span>/;
  for (const [file, html] of files) {
    expect(html, file).toMatch(pill);
    expect(html, file).not.toContain('pb-check-ref');
  }
});
