import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Bench checks: `g00.c00` … in groups of 20, one YAML file per group (`group` defaults to the file name). */
export function benchCheckIds(count: number, perGroup = 20): string[] {
  return Array.from({ length: count }, (_, i) => `g${String(Math.floor(i / perGroup)).padStart(2, '0')}.c${String(i % perGroup).padStart(2, '0')}`);
}

const lorem = 'The gateway routes each request to a backend and records the verdict of every probe so that the runbook can cite it.';

/** A ~1.5 KB page like the anchor's (headings, prose, list, code block, table); `checkId` adds evidence wiring. */
function page(folder: string, i: number, checkId: string | undefined): string {
  const claim = checkId ? `This page is backed by :check[${checkId}].` : 'This page is backed by a check.';
  return `---
title: ${folder} page ${i}
description: Generated page ${i} in ${folder} for the build benchmark.
${checkId ? `checks: [${checkId}]\n` : ''}---

## Overview

${lorem} ${claim}
Each check is cheap on its own; the budget that matters is the whole suite, run on a schedule and after every deploy.

## Steps

1. Check the gateway health endpoint of ${folder}.
2. List the tools exposed by server ${i} and compare them with the catalog.
3. Record the result with its timestamp and evidence hash.

\`\`\`bash
curl -sS -X POST "$GATEWAY/mcp" -H 'Accept: application/json, text/event-stream' \\
  -d '{"jsonrpc":"2.0","id":${i},"method":"tools/list"}'
\`\`\`

## Expected result

| field | value |
| --- | --- |
| status | 200 |
| tools | ${10 + (i % 7)} |
| area | ${folder} |

## Troubleshooting

- If the probe times out, compare the latency with the budget of ${folder} and retry once.
- If the tool count differs, diff the catalog snapshot against the previous run.
- If the evidence is older than its freshness budget, mark the claim as unverified.
`;
}

async function write(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
}

/** Replaces the copy's check catalog with the bench checks and adds one runbook page per check. */
export async function generateProjectContent(siteDir: string, checkIds: readonly string[]): Promise<void> {
  const checksDir = path.join(siteDir, 'content/checks');
  await rm(checksDir, { recursive: true, force: true });
  const groups = Map.groupBy(checkIds, (id) => id.split('.')[0]!);
  for (const [group, ids] of groups) {
    const checks = ids.map((id, i) => `  - id: ${id}\n    kind: http\n    title: Bench check ${id}\n    freshness: 2h\n    docs: /runbooks/bench-${group}/page-${String(i).padStart(2, '0')}/\n    path: /bench/${id}\n`);
    await write(path.join(checksDir, `${group}.yaml`), `checks:\n${checks.join('')}`);
    for (const [i, id] of ids.entries()) {
      await write(path.join(siteDir, `content/docs/runbooks/bench-${group}/page-${String(i).padStart(2, '0')}.md`), page(`bench-${group}`, i, id));
    }
  }
}

/** A plain Starlight site (like the anchor's gen-site.mjs) with `pages` Markdown pages plus an index. */
export async function generatePlainSite(siteDir: string, pages: number, perFolder = 20): Promise<void> {
  await rm(siteDir, { recursive: true, force: true });
  const folders = Array.from({ length: Math.ceil(pages / perFolder) }, (_, i) => `area-${String(i).padStart(2, '0')}`);
  await write(
    path.join(siteDir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
export default defineConfig({
  cacheDir: './.cache/astro',
  vite: { cacheDir: './.cache/vite' },
  integrations: [starlight({
    title: 'Anchor site',
    sidebar: [
${folders.map((f) => `      { label: '${f}', items: [{ autogenerate: { directory: '${f}' } }] },`).join('\n')}
    ],
  })],
});
`,
  );
  await write(
    path.join(siteDir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
  );
  await write(path.join(siteDir, 'src/content/docs/index.md'), '---\ntitle: Anchor site\ndescription: Benchmark site.\n---\n\nBenchmark landing page.\n');
  // Dependencies listed as in a real site: Vite decides what to bundle for SSR by crawling them.
  const dependencies = { astro: '*', '@astrojs/starlight': '*' };
  await write(path.join(siteDir, 'package.json'), `${JSON.stringify({ name: 'bench-plain-site', private: true, type: 'module', dependencies })}\n`);
  for (let n = 0; n < pages; n++) {
    const folder = folders[Math.floor(n / perFolder)]!;
    await write(path.join(siteDir, `src/content/docs/${folder}/page-${String(n % perFolder).padStart(2, '0')}.md`), page(folder, n % perFolder, undefined));
  }
}

/** HTML files under a built dist directory. */
export async function countHtml(distDir: string): Promise<number> {
  const entries = await readdir(distDir, { recursive: true });
  return entries.filter((name) => name.endsWith('.html')).length;
}
