import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { guideSnippetSets } from '../../src/clients/guide-snippets.ts';
import { GuideSetSchema, SECRET_SETUP_SET, type GuideSet } from '../../src/schemas/guide-set.ts';
import { loadGateway } from '../../src/config/gateway-file.ts';
import { clientIds } from '../../src/clients/registry.ts';
import { guideSnippetsLoader } from '../../src/site/loaders/guide-snippets-loader.ts';
import { makeLoaderContext, makeStore } from './loader-context.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');

describe('guide snippet sets', () => {
  test('one set per client and one for the key setup, holding every environment\'s setup and snippet the guides show', async () => {
    const sets = guideSnippetSets(await loadGateway(projectRoot));
    expect([...sets.keys()]).toEqual([...clientIds, SECRET_SETUP_SET]);
    const codex = sets.get('codex')!;
    expect(codex.setups.map((setup) => [setup.env, setup.label])).toEqual([['internal', 'LAN (internal)'], ['external', 'External']]);
    expect(codex.setups[1]!.sends.url).toBe('https://litellm.example.com/mcp/');
    expect(codex.snippets.some((s) => s.env === 'external' && s.code.includes('bearer_token_env_var = "LITELLM_API_KEY"'))).toBe(true);
    expect(sets.get(SECRET_SETUP_SET)!.snippets.every((s) => s.env === undefined)).toBe(true);
  });
});

describe('guideSnippets loader', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'pb-guide-snippets-'));
    await mkdir(path.join(root, 'content'));
    await copyFile(path.join(projectRoot, 'content/gateway.yaml'), path.join(root, 'content/gateway.yaml'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  async function sync(serialised?: string) {
    const store = await makeStore(serialised);
    const context = makeLoaderContext(store, 'guideSnippets', GuideSetSchema, root);
    await guideSnippetsLoader().load(context.ctx);
    return { ...context, serialised: store.toString() };
  }

  test('stores every set once; a sync with the same gateway.yaml validates nothing again; a changed one stores what changed', async () => {
    const first = await sync();
    expect(first.parses()).toBe(clientIds.length + 1);
    const codex = first.ctx.store.get('codex')?.data as GuideSet;
    expect(codex.setups).toHaveLength(2);
    expect(codex.snippets.length).toBeGreaterThan(0);

    const warm = await sync(first.serialised);
    expect(warm.parses()).toBe(0);
    expect(warm.ctx.store.get('codex')?.data).toEqual(codex);

    // Another key env var name changes the key setup and every client's snippets.
    const gatewayFile = path.join(root, 'content/gateway.yaml');
    await writeFile(gatewayFile, (await readFile(gatewayFile, 'utf8')).replaceAll('keyEnv: LITELLM_API_KEY', 'keyEnv: TEAM_LITELLM_KEY'));
    const changed = await sync(warm.serialised);
    expect(changed.parses()).toBeGreaterThan(1);
    const secret = changed.ctx.store.get(SECRET_SETUP_SET)?.data as GuideSet;
    expect(secret.snippets.every((snippet) => !snippet.code.includes('LITELLM_API_KEY'))).toBe(true);
    expect(secret.snippets.some((snippet) => snippet.code.includes('TEAM_LITELLM_KEY'))).toBe(true);
  });

  test('an invalid gateway.yaml fails the sync naming the file and the field', async () => {
    await writeFile(path.join(root, 'content/gateway.yaml'), 'schemaVersion: 1\nname: litellm\nenvironments:\n  internal:\n    label: LAN\n    baseUrl: 42\n');
    await expect(sync()).rejects.toThrow(/content\/gateway\.yaml.*baseUrl/s);
  });
});
