import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { COPY_CONFIG, makeSiteCopy } from '../status/site-copy.ts';
import { projectRoot, runNode, userEnv } from '../support/site.ts';

// A guide that names a client no generator knows must fail the build, saying which page, which id, and the ids
// there are: a real `astro build` of a copy of the site whose codex guide has the typo.

let site: Awaited<ReturnType<typeof makeSiteCopy>>;
beforeAll(async () => {
  site = await makeSiteCopy(projectRoot, 'guide-typo-');
  const guide = path.join(site.dir, 'content/docs/clients/codex.md');
  await writeFile(guide, (await readFile(guide, 'utf8')).replace('::client-setup{client="codex"}', '::client-setup{client="codx"}'));
});
afterAll(() => site?.remove());

test('a ::client-setup naming no client fails the build with the page, the id and the known clients', async () => {
  const astro = path.join(projectRoot, 'node_modules/astro/bin/astro.mjs');
  const { code, output } = await runNode([astro, 'build', '--config', COPY_CONFIG], site.dir, userEnv(), 240_000);
  expect(code).not.toBe(0);
  expect(output).toContain('content/docs/clients/codex.md: ::client-setup{client="codx"} names no client; expected one of claude-code, claude-desktop, codex, curl, cursor, inspector, open-webui, vscode');
}, 300_000);
