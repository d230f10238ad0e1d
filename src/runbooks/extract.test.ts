import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { RunbookBlockSchema } from '../schemas/runbook.ts';
import { parseBlockMeta, runModeOf } from './block-meta.ts';
import { pageIdOf } from './block-id.ts';
import { readRunbookBlocks } from './docs-pages.ts';
import { extractBlocks } from './extract.ts';

const page = (text: string, docsPath = 'runbooks/sample.md') => ({ file: `content/docs/${docsPath}`, docsPath, text });

const SAMPLE = `---
title: Sample runbook
checks: [a.b]
---

Before any heading.

\`\`\`bash run=ci timeout=5s
echo top
\`\`\`

## Open \`/ui\` paths

\`\`\`bash title="not runnable"
echo plain
\`\`\`

\`\`\`bash run=ci maxAge=6h
curl -sS "$GATEWAY_URL/ui"
\`\`\`

\`\`\`text expect
30[1278] (re)
...
\`\`\`

:::note
\`\`\`sh run=manual
docker compose up -d litellm
\`\`\`
:::

## Open \`/ui\` paths

1. A step in a list:

   \`\`\`shell run=ci
   echo in a list
   \`\`\`
`;

describe('extractBlocks', () => {
  const blocks = extractBlocks(page(SAMPLE));

  test('finds the runnable blocks in document order, inside asides and lists too, and nothing else', () => {
    expect(blocks.map((block) => [block.ordinal, block.run, block.code])).toEqual([
      [1, 'ci', 'echo top'],
      [2, 'ci', 'curl -sS "$GATEWAY_URL/ui"'],
      [3, 'manual', 'docker compose up -d litellm'],
      [4, 'ci', 'echo in a list'],
    ]);
    for (const block of blocks) RunbookBlockSchema.parse(block);
  });

  test('ids are page + heading slug (as the page anchors it, duplicates numbered) + index under that heading', () => {
    expect(blocks.map((block) => [block.id, block.blockId])).toEqual([
      ['runbook.runbooks.sample.intro-1', 'runbooks/sample#intro-1'],
      ['runbook.runbooks.sample.open-ui-paths-1', 'runbooks/sample#open-ui-paths-1'],
      ['runbook.runbooks.sample.open-ui-paths-2', 'runbooks/sample#open-ui-paths-2'],
      ['runbook.runbooks.sample.open-ui-paths-1-1', 'runbooks/sample#open-ui-paths-1-1'],
    ]);
    expect(blocks[1]).toMatchObject({ page: 'runbooks/sample', pageTitle: 'Sample runbook', headingText: 'Open /ui paths', line: 18, file: 'content/docs/runbooks/sample.md' });
  });

  test('reads timeout, maxAge and the expected-output fence right after a block', () => {
    expect(blocks.map((block) => [block.timeoutMs, block.maxAgeMs, block.expected])).toEqual([
      [5000, 86_400_000, undefined],
      [30_000, 6 * 3_600_000, '30[1278] (re)\n...'],
      [30_000, 86_400_000, undefined],
      [30_000, 86_400_000, undefined],
    ]);
  });

  test('an edit elsewhere on the page changes no id and no hash; an edit of the block or its expected output changes its hash only', () => {
    const prose = extractBlocks(page(SAMPLE.replace('Before any heading.', 'Some new words.\n\n## Added heading\n\nMore.')));
    expect(prose.slice(1).map((block) => [block.id, block.sourceHash])).toEqual(blocks.slice(1).map((block) => [block.id, block.sourceHash]));
    const command = extractBlocks(page(SAMPLE.replace('"$GATEWAY_URL/ui"', '"$GATEWAY_URL/ui/"')));
    const expected = extractBlocks(page(SAMPLE.replace('30[1278] (re)', '307')));
    for (const edited of [command, expected]) {
      expect(edited.map((block) => block.id)).toEqual(blocks.map((block) => block.id));
      expect(edited.filter((block, i) => block.sourceHash !== blocks[i]!.sourceHash).map((block) => block.ordinal)).toEqual([2]);
    }
  });

  test('a bad fence is an error naming the file, the line and the fix', () => {
    const bad = '# T\n\n```python run=ci\nprint(1)\n```\n\n```bash run=sometimes maxage=2h timeout=fast\nx\n```\n\n```text expect\norphan\n```\n\n```bash run=ci\nok\n```\n\n```text expect\n[unclosed (re)\n```\n';
    expect(() => extractBlocks(page(bad, 'runbooks/bad.md'))).toThrowErrorMatchingInlineSnapshot(`
      [ProofbookInputError: Invalid runbook blocks:
      content/docs/runbooks/bad.md:3 → fence "python run=ci": run=ci on a \`python\` fence: runnable blocks are bash, sh, shell (they run under bash -euo pipefail)
      content/docs/runbooks/bad.md:7 → fence "bash run=sometimes maxage=2h timeout=fast": maxage=2h: write maxAge=2h
      content/docs/runbooks/bad.md:7 → fence "bash run=sometimes maxage=2h timeout=fast": timeout=fast: expected a duration such as 20s, 5m or 24h
      content/docs/runbooks/bad.md:7 → fence "bash run=sometimes maxage=2h timeout=fast": run=sometimes: expected run=ci (executed by npm run runbooks) or run=manual (never executed)
      content/docs/runbooks/bad.md:11 → expect: an expected-output fence must come right after a run=ci or run=manual fence
      content/docs/runbooks/bad.md:20 → expect: expected output line 1: Invalid regular expression: /^(?:[unclosed)$/: Unterminated character class
      hint: the block syntax is described in content/docs/reference/runbook-blocks.md (/reference/runbook-blocks/ on the site)]
    `);
  });

  // extractBlocks skips parsing a page with no fence that could run or expect: every bad fence still counts.
  test.each([
    ['an option on a bare fence', '# T\n\n```bash maxage=2h\nx\n```\n'],
    ['a tilde fence in a list', '# T\n\n- step\n\n  ~~~sh timeout=fast run=ci\n  x\n  ~~~\n'],
    ['an orphan expected output in a quote', '# T\n\n> ```text expect\n> orphan\n> ```\n'],
  ])('%s is an error too', (_, text) => {
    expect(() => extractBlocks(page(text, 'runbooks/bad.md'))).toThrow(/content\/docs\/runbooks\/bad\.md:\d+ → /);
  });
});

test.each([
  ['run=ci timeout=20s maxAge=24h', 'bash', { run: 'ci', timeoutMs: 20_000, maxAgeMs: 86_400_000, isExpect: false, problems: [] }],
  ['title="a run=ci b" frame=terminal', 'bash', { timeoutMs: 30_000, maxAgeMs: 86_400_000, isExpect: false, problems: [] }],
  ['run=manual', 'sh', { run: 'manual', timeoutMs: 30_000, maxAgeMs: 86_400_000, isExpect: false, problems: [] }],
  ['expect', 'text', { timeoutMs: 30_000, maxAgeMs: 86_400_000, isExpect: true, problems: [] }],
  ['timeout=20m run=ci', 'bash', { run: 'ci', timeoutMs: 1_200_000, maxAgeMs: 86_400_000, isExpect: false, problems: ['timeout=20m: at most 10m'] }],
  ['timeout=5s', 'bash', { timeoutMs: 5000, maxAgeMs: 86_400_000, isExpect: false, problems: ['timeout without run=: add run=ci or run=manual'] }],
])('meta %j on a %s fence', (meta, lang, expected) => {
  expect(parseBlockMeta(lang, meta)).toEqual(expected);
});

test('the Markdown plugin and the extraction agree on which fences run', () => {
  expect([runModeOf('bash', 'run=ci'), runModeOf('sh', 'frame=terminal run=manual'), runModeOf('bash', 'title="x"'), runModeOf('bash', null)]).toEqual(['ci', 'manual', undefined, undefined]);
});

test.each([
  ['runbooks/gateway-routing.md', undefined, 'runbooks/gateway-routing'],
  ['index.md', undefined, 'index'],
  ['Guides/Set Up.mdx', undefined, 'guides/set-up'],
  ['runbooks/index.md', undefined, 'runbooks'],
  ['runbooks/x.md', 'custom/slug', 'custom/slug'],
])('page id of %s (slug %s) is %s, as Astro names the docs entry', (rel, slug, id) => {
  expect(pageIdOf(rel, slug)).toBe(id);
});

test("the seed's runbooks have at least 8 run=ci blocks, with unique ids, each expecting output", async () => {
  const blocks = await readRunbookBlocks(path.resolve(import.meta.dirname, '../..'));
  const ci = blocks.filter((block) => block.run === 'ci');
  expect(ci.length).toBeGreaterThanOrEqual(8);
  expect(new Set(blocks.map((block) => block.id)).size).toBe(blocks.length);
  expect(ci.filter((block) => block.expected === undefined)).toEqual([]);
  expect(blocks.filter((block) => block.run === 'manual').map((block) => block.code)).toEqual(['docker compose up -d litellm']);
});
