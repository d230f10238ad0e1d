import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { proofbookStatus } from './integration.ts';

// The badges are written in our build:done hook from the built status.json. These tests drive the hooks the way
// Astro calls them, on a real directory.

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

test('every badge is written by the time the last build:done hook returns', async () => {
  const status = { generatedAt: '2026-11-24T00:00:00Z', historyRange: { from: '2026-11-24', to: '2026-11-24', days: 1 }, groups: [{ id: 'mcp', state: 'pass', checks: [{ id: 'mcp.tools-list', state: 'fail', history: 'f', days: [[0, 0, 1, 0, 0, 0]] }] }] };
  await writeFile(path.join(outDir, 'status.json'), JSON.stringify(status));
  const starlight: AstroIntegration = { name: '@astrojs/starlight', hooks: { 'astro:build:done': async () => undefined } };
  await buildDone(setUp(proofbookStatus(), [starlight]));
  expect((await readdir(path.join(outDir, 'badges'))).sort()).toEqual(['group', 'history', 'mcp.tools-list.json', 'mcp.tools-list.svg']);
  expect(await readdir(path.join(outDir, 'badges/history'))).toEqual(['mcp.tools-list.svg']);
  expect((await readdir(path.join(outDir, 'badges/group'))).sort()).toEqual(['mcp.json', 'mcp.svg']);
});

test('a badge write that fails fails the build, naming the cause', async () => {
  // No status.json: the badges have nothing to be written from.
  await expect(buildDone(setUp(proofbookStatus(), []))).rejects.toThrow(/^ENOENT: no such file or directory, open '.*status\.json'$/);
});
