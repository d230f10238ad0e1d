import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { checkCatalogLoader } from '../../src/site/loaders/content-file-loaders.ts';
import { StatusCheckSchema } from '../../src/schemas/status-check.ts';
import { makeLoaderContext, makeStore } from './loader-context.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'pb-catalog-'));
  await mkdir(path.join(root, 'content/checks'), { recursive: true });
  await writeFile(
    path.join(root, 'content/gateway.yaml'),
    'schemaVersion: 1\nname: gw\nenvironments:\n  demo:\n    label: Demo\n    baseUrl: http://127.0.0.1:4000\n    keyEnv: LITELLM_API_KEY\n    servers: [mcp_a]\n',
  );
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const writeChecks = (name: string, ids: string[]) =>
  writeFile(path.join(root, 'content/checks', name), `checks:\n${ids.map((id) => `  - { id: ${id}, title: ${id} title, kind: http, path: /x }`).join('\n')}\n`);

/** Loads the catalog into `store` (a fresh one unless given), as one sync of a build would. */
async function load(serialised?: string) {
  const store = await makeStore(serialised);
  const context = makeLoaderContext(store, 'checks', StatusCheckSchema, root);
  await checkCatalogLoader().load(context.ctx);
  return { ...context, ids: () => context.ctx.store.keys().sort(), serialised: () => store.toString() };
}

test('one entry per check, grouped by file name; unchanged files are not parsed again on the next sync', async () => {
  await writeChecks('mcp.yaml', ['mcp.tools-list', 'mcp.initialize']);
  await writeChecks('health.yaml', ['health.liveliness']);
  const first = await load();
  expect(first.ids()).toEqual(['health.liveliness', 'mcp.initialize', 'mcp.tools-list']);
  expect(first.ctx.store.get('mcp.initialize')?.data).toMatchObject({ group: 'mcp', title: 'mcp.initialize title' });
  expect(first.parses()).toBe(3);

  const warm = await load(first.serialised());
  expect(warm.ids()).toEqual(first.ids());
  expect(warm.parses()).toBe(0);
});

test('a changed file is read again and a deleted file takes its checks with it', async () => {
  await writeChecks('mcp.yaml', ['mcp.tools-list', 'mcp.initialize']);
  await writeChecks('health.yaml', ['health.liveliness']);
  const first = await load();

  await writeChecks('mcp.yaml', ['mcp.tools-list', 'mcp.tools-call']);
  await rm(path.join(root, 'content/checks/health.yaml'));
  const next = await load(first.serialised());
  expect(next.ids()).toEqual(['mcp.tools-call', 'mcp.tools-list']);
});

test('a typo the probe rejects fails the sync with the probe\'s own file:line → field message', async () => {
  await writeChecks('mcp.yaml', ['mcp.tools-list']);
  await writeFile(path.join(root, 'content/checks/health.yaml'), 'checks:\n  - id: health.live\n    title: Alive\n    kind: http\n    path: /health\n    freshnes: 1h\n');
  await expect(load()).rejects.toThrow('content/checks/health.yaml:6 → checks[0].freshnes: unknown key `freshnes` — did you mean `freshness`?');
});

test('a file without a checks list fails the sync naming the file', async () => {
  await writeFile(path.join(root, 'content/checks/broken.yaml'), 'check:\n  - id: oops\n');
  await expect(load()).rejects.toThrow(/content\/checks\/broken\.yaml/);
});
