import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { COPY_CONFIG, makeSiteCopy } from '../status/site-copy.ts';
import { projectRoot, runNode, userEnv } from '../support/site.ts';

// Docs frontmatter is validated with one shared schema (src/schemas/docs-schema.ts). A page whose frontmatter
// breaks it must still fail the build naming the page, the field and what was expected: a real `astro build`
// of a copy of the site with a bad check id in one runbook.

let site: Awaited<ReturnType<typeof makeSiteCopy>>;
beforeAll(async () => {
  site = await makeSiteCopy(projectRoot, 'frontmatter-typo-');
  const runbook = path.join(site.dir, 'content/docs/runbooks/gateway-routing.md');
  const source = await readFile(runbook, 'utf8');
  const typo = source.replace('checks: [routing.open-paths,', 'checks: [Routing.OpenPaths,');
  if (typo === source) throw new Error('the runbook no longer starts its checks with routing.open-paths; update this test');
  await writeFile(runbook, typo);
});
afterAll(() => site?.remove());

test('a bad check id in frontmatter fails the build with the page, the field and the rule', async () => {
  const astro = path.join(projectRoot, 'node_modules/astro/bin/astro.mjs');
  const { code, output } = await runNode([astro, 'build', '--config', COPY_CONFIG], site.dir, userEnv(), 240_000);
  expect(code).not.toBe(0);
  expect(output).toContain('content/docs/runbooks/gateway-routing.md');
  expect(output).toMatch(/checks\.0\W+check ids are lowercase words joined by "\." or "-"/);
}, 300_000);
