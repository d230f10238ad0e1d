import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { proofbookStatus } from './integration.ts';

// The badge writes start in our build:done hook and are awaited by a second integration that config:setup
// appends after Starlight's. These tests drive the hooks the way Astro calls them, on a real directory.

let outDir: string;
beforeEach(async () => {
  outDir = await mkdtemp(path.join(os.tmpdir(), 'proofbook-integration-'));
});
afterEach(() => rm(outDir, { recursive: true, force: true }));

const logger = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };

type Hooks = Required<AstroIntegration['hooks']>;

/** Runs config:setup as Astro does and returns the integrations list it leaves behind. */
function setUp(integration: AstroIntegration, others: AstroIntegration[]): AstroIntegration[] {
  const config = { integrations: [integration, ...others], markdown: { processor: { name: 'test', options: { mdastPlugins: [] } } } };
  (integration.hooks['astro:config:setup'] as (options: unknown) => void)({ config, command: 'build', injectRoute: () => undefined, logger });
  return config.integrations;
}

/** Runs every integration's build:done hook in list order, as Astro does. */
async function buildDone(integrations: AstroIntegration[]): Promise<void> {
  for (const integration of integrations) await (integration.hooks['astro:build:done'] as Hooks['astro:build:done'] | undefined)?.({ dir: pathToFileURL(`${outDir}/`), logger } as never);
}

test('config:setup appends the hook that waits for the badges after the integrations listed after ours', () => {
  const starlight: AstroIntegration = { name: '@astrojs/starlight', hooks: {} };
  const status = proofbookStatus();
  const names = setUp(status, [starlight]).map((integration) => integration.name);
  expect(names).toEqual(['proofbook-status', '@astrojs/starlight', 'proofbook-status-badges']);
});

test('every badge is written by the time the last build:done hook returns', async () => {
  const status = { generatedAt: '2026-11-24T00:00:00Z', groups: [{ id: 'mcp', state: 'pass', checks: [{ id: 'mcp.tools-list', state: 'fail' }] }] };
  await writeFile(path.join(outDir, 'status.json'), JSON.stringify(status));
  const starlight: AstroIntegration = { name: '@astrojs/starlight', hooks: { 'astro:build:done': async () => undefined } };
  await buildDone(setUp(proofbookStatus(), [starlight]));
  expect((await readdir(path.join(outDir, 'badges'))).sort()).toEqual(['group', 'mcp.tools-list.json', 'mcp.tools-list.svg']);
  expect((await readdir(path.join(outDir, 'badges/group'))).sort()).toEqual(['mcp.json', 'mcp.svg']);
});

test('a badge write that fails fails the build, naming the cause', async () => {
  // No status.json: the badges have nothing to be written from.
  await expect(buildDone(setUp(proofbookStatus(), []))).rejects.toThrow(/^Writing the badge files failed: ENOENT: no such file or directory, open '.*status\.json'$/);
});

test('evidence run pages are out of the directory while Starlight indexes it, and back when the build ends', async () => {
  await writeFile(path.join(outDir, 'status.json'), JSON.stringify({ groups: [] }));
  for (const page of ['evidence/run-a', 'evidence/run-b', 'evidence', 'status']) {
    await mkdir(path.join(outDir, page), { recursive: true });
    await writeFile(path.join(outDir, page, 'index.html'), `<p>${page}</p>`);
  }
  const html = async () => (await readdir(outDir, { recursive: true })).filter((name) => name.endsWith('.html')).sort();
  let seenByStarlight: string[] = [];
  const starlight: AstroIntegration = { name: '@astrojs/starlight', hooks: { 'astro:build:done': async () => void (seenByStarlight = await html()) } };
  await buildDone(setUp(proofbookStatus(), [starlight]));
  expect(seenByStarlight).toEqual(['evidence/index.html', 'status/index.html']);
  expect(await html()).toEqual(['evidence/index.html', 'evidence/run-a/index.html', 'evidence/run-b/index.html', 'status/index.html']);
  expect(await readFile(path.join(outDir, 'evidence/run-a/index.html'), 'utf8')).toBe('<p>evidence/run-a</p>');
});

test('a build without evidence pages holds none', async () => {
  await writeFile(path.join(outDir, 'status.json'), JSON.stringify({ groups: [] }));
  await expect(buildDone(setUp(proofbookStatus(), []))).resolves.toBeUndefined();
});
