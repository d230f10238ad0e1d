import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { markdownToHtml } from 'satteri';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { extractBlocks } from '../../runbooks/extract.ts';
import { fillRunBlocks } from '../components/runbooks/run-block-html.ts';
import { remarkRunBlocks, satteriRunBlocks } from './run-block-placeholder.ts';

// The page finds a block's evidence by the placeholder the Markdown plugin leaves; both processors must number
// and hash the blocks exactly as the extraction (src/runbooks/extract.ts) does, or a page shows another block's output.
const PAGE = `---
title: Sample
---

\`\`\`bash run=ci
echo top
\`\`\`

## Section

\`\`\`bash title="plain"
echo plain
\`\`\`

\`\`\`bash run=ci timeout=5s
curl -sS "$GATEWAY_URL/docs"
\`\`\`

\`\`\`text expect
200
\`\`\`

:::note
\`\`\`sh run=manual
docker compose up -d litellm
\`\`\`
:::

1. A step:

   \`\`\`shell run=ci
   echo in a list
   \`\`\`
`;

const blocks = extractBlocks({ file: 'content/docs/runbooks/sample.md', docsPath: 'runbooks/sample.md', text: PAGE });
const placeholders = (html: string) => [...html.matchAll(/data-run-ordinal="(\d+)" data-source="([0-9a-f]{64})"/g)].map((m) => [Number(m[1]), m[2]]);
const expected = blocks.map((block) => [block.ordinal, block.sourceHash]);

async function remarkHtml(markdown: string): Promise<string> {
  const body = markdown.replace(/^---[\s\S]*?---\n/, '');
  const file = await unified().use(remarkParse).use(remarkDirective).use(remarkRunBlocks).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeStringify, { allowDangerousHtml: true }).process({ value: body, path: 'x.md' });
  return String(file);
}

describe('run block placeholders', () => {
  test('Sätteri (Astro 7 default) leaves one placeholder per runnable block, numbered and hashed as the extraction does', () => {
    // Without Starlight's aside plugin a `:::note` container would not be rendered at all, so here it stays text.
    const { html } = markdownToHtml(PAGE, { mdastPlugins: [satteriRunBlocks()] });
    expect(placeholders(html)).toEqual(expected);
    // After the expected-output fence, not between it and its block.
    expect(html.indexOf('data-run-ordinal="2"')).toBeGreaterThan(html.indexOf('>200<'));
  });

  test('remark (the unified processor) does the same', async () => {
    const html = await remarkHtml(PAGE);
    expect(placeholders(html)).toEqual(expected);
    expect(html.indexOf('data-run-ordinal="2"')).toBeGreaterThan(html.indexOf('>200\n<'));
  });

  test('filled at render: missing evidence, a manual step, and a block the build did not extract each say so', async () => {
    const html = fillRunBlocks(await remarkHtml(PAGE), blocks.slice(0, 3), () => undefined, () => undefined);
    expect([...html.matchAll(/data-state="([a-z]+)"/g)].map((m) => m[1])).toEqual(['missing', 'missing', 'manual']);
    expect(html).toContain('Not run yet: <code>npm run runbooks</code> runs this block');
    expect(html).toContain('This block is not among the runnable blocks the build extracted');
    expect(html).not.toContain('pb-run-ref');
  });
});
