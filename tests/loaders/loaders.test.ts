import { copyFile, cp, mkdir, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { RACY_MTIME_MS } from '../../src/evidence/file-digest.ts';
import { isSettledStamp } from '../../src/site/loaders/file-sync.ts';
import { importsLoader, runsLoader } from '../../src/site/loaders/index.ts';
import { ImportedArtifactSchema } from '../../src/schemas/imported-artifact.ts';
import { RunSummarySchema } from '../../src/schemas/run-summary.ts';
import { samplesDir } from '../ingest/fixtures.ts';
import { makeLoaderContext, makeStore } from './loader-context.ts';
import { makeRun, useTempEvaluation, writeRunFile } from '../support/evidence-fixtures.ts';

let root: string;
let evaluationDir: string;

useTempEvaluation((temp) => ({ root, evaluationDir } = temp));

const A = '20260301T100000Z-sandbox-aaaa';
const B = '20260301T100500Z-sandbox-bbbb';
const BAD = '20260301T101000Z-sandbox-0bad';

describe('runsLoader', () => {
  test('skips unchanged files, re-parses a changed one, removes a deleted one, logs a bad one with file and field', async () => {
    await writeRunFile(evaluationDir, makeRun({ runId: A, verdicts: { 'mcp.tools-list': 'pass' } }));
    const fileB = await writeRunFile(evaluationDir, makeRun({ runId: B, verdicts: { 'mcp.tools-list': 'fail' } }));
    const bad = makeRun({ runId: BAD, verdicts: { 'mcp.tools-list': 'pass' } });
    (bad.records[0] as Record<string, unknown>).verdict = 'green';
    await writeRunFile(evaluationDir, bad);
    const loader = runsLoader({ evaluationDir });
    const store = await makeStore();

    const first = makeLoaderContext(store, 'runs', RunSummarySchema, root);
    await loader.load(first.ctx);
    expect(first.ctx.store.keys().sort()).toEqual([A, B]);
    expect(first.parses()).toBe(2); // the bad run is rejected while it is summarised, before parseData
    expect(first.logs.error).toHaveLength(1);
    expect(first.logs.error[0]).toMatch(new RegExp(`^skipped Invalid evaluation run:\\nevaluation/runs/${BAD}/run.json:\\d+ → records\\[0\\]\\.verdict: Invalid option`));
    expect(first.ctx.store.get(A)).toMatchObject({ filePath: `evaluation/runs/${A}/run.json`, digest: expect.any(String) });

    // A new process: the store comes back from its serialised form, as .astro/data-store.json does.
    const persisted = await makeStore(store.toString());
    const warm = makeLoaderContext(persisted, 'runs', RunSummarySchema, root);
    await loader.load(warm.ctx);
    expect(warm.parses()).toBe(0);
    expect(warm.logs.error).toHaveLength(1); // only the bad file, which has no entry, is validated again
    expect(warm.logs.info[0]).toBe('runs: 0 parsed, 2 unchanged, 1 skipped as invalid, 0 removed');

    // Same bytes, new mtime: read and digested, but not parsed.
    const later = new Date(Date.now() + 5_000);
    await utimes(fileB, later, later);
    const touched = makeLoaderContext(persisted, 'runs', RunSummarySchema, root);
    await loader.load(touched.ctx);
    expect(touched.parses()).toBe(0);
    expect(touched.logs.info[0]).toBe('runs: 0 parsed, 2 unchanged, 1 skipped as invalid, 0 removed');

    await writeRunFile(evaluationDir, makeRun({ runId: B, verdicts: { 'mcp.tools-list': 'pass' } }));
    await rm(path.join(evaluationDir, 'runs', A), { recursive: true });
    const changed = makeLoaderContext(persisted, 'runs', RunSummarySchema, root);
    await loader.load(changed.ctx);
    expect(changed.parses()).toBe(1); // B (changed)
    expect(changed.logs.info[0]).toBe('runs: 1 parsed, 0 unchanged, 1 skipped as invalid, 1 removed');
    expect(changed.ctx.store.keys()).toEqual([B]);
    expect(changed.ctx.store.get(B)?.data).toMatchObject({ verdicts: { pass: 1 }, failing: [] });
  });

  test('stores a small summary, not the records, and never writes to evaluation/', async () => {
    const run = makeRun({ runId: A, verdicts: { 'mcp.tools-list': 'pass', 'sse.heartbeat': 'fail' } });
    await writeRunFile(evaluationDir, run);
    const store = await makeStore();
    const loaded = makeLoaderContext(store, 'runs', RunSummarySchema, root);
    await runsLoader({ evaluationDir }).load(loaded.ctx);
    const { records: _records, ...head } = run;
    expect(loaded.ctx.store.get(A)?.data).toEqual({
      ...head,
      recordCount: 2,
      verdicts: { pass: 1, fail: 1 },
      failing: ['sse.heartbeat'],
      failingMore: 0,
    });
    expect((await readdir(evaluationDir)).sort()).toEqual(['imports', 'runs']);
  });

  test('a run rewritten at the same size with the same mtime right after a sync is parsed again (racily clean)', async () => {
    const file = await writeRunFile(evaluationDir, makeRun({ runId: A, toolVersion: '0.1.0', verdicts: { 'mcp.tools-list': 'pass' } }));
    // A whole second, so utimes can set exactly the same mtime again; under a second old, so inside the racy window.
    const tick = new Date(Math.floor(Date.now() / 1000) * 1000);
    await utimes(file, tick, tick);
    const store = await makeStore();
    const first = makeLoaderContext(store, 'runs', RunSummarySchema, root);
    await runsLoader({ evaluationDir }).load(first.ctx);
    expect(first.ctx.store.get(A)?.data).toMatchObject({ toolVersion: '0.1.0' });

    // What a second write in the same clock tick looks like: other bytes, same size, same mtime.
    const before = await readFile(file);
    await writeRunFile(evaluationDir, makeRun({ runId: A, toolVersion: '0.1.1', verdicts: { 'mcp.tools-list': 'pass' } }));
    await utimes(file, tick, tick);
    expect((await stat(file)).mtimeMs).toBe(tick.getTime());
    const after = await readFile(file);
    expect([after.length, after.equals(before)]).toEqual([before.length, false]);
    const second = makeLoaderContext(await makeStore(store.toString()), 'runs', RunSummarySchema, root);
    await runsLoader({ evaluationDir }).load(second.ctx);
    expect(second.parses()).toBe(1);
    expect(second.ctx.store.get(A)?.data).toMatchObject({ toolVersion: '0.1.1' });
  });
});

describe('isSettledStamp: a stamp vouches for its bytes only when every mtime in it is older than the racy window', () => {
  const now = 1_700_000_000_000;
  test.each([
    ['exactly the window old', `${now - RACY_MTIME_MS}:120`, true],
    ['a millisecond too fresh', `${now - RACY_MTIME_MS + 1}:120`, false],
    ['an old file with a fresh sidecar', `${now - 60_000}:120|${now - 10}:40`, false],
    ['an old file (fractional mtime) without its sidecar', `${now - 60_000}.25:120|-`, true],
    ['dated in the future', `${now + 5_000}:120`, false],
  ])('%s', (_case, stamp, settled) => {
    expect(isSettledStamp(stamp, now)).toBe(settled);
  });
});

describe('importsLoader', () => {
  const repoGateway = path.resolve(import.meta.dirname, '../../content/gateway.yaml');
  // The imports loader judges every import with content/checks, as the site does.
  const repoChecks = path.resolve(import.meta.dirname, '../../content/checks');
  afterEach(() => {
    delete process.env.PROOFBOOK_TEST_CANARY_KEY;
  });

  test('masks the values of the secret env vars gateway.yaml names, and only gateway.yaml says which', async () => {
    await mkdir(path.join(root, 'content'), { recursive: true });
    const canary = 'sk-loader-canary-5f1e9c2a7b';
    const gateway = (await readFile(repoGateway, 'utf8')).replaceAll('keyEnv: LITELLM_API_KEY', 'keyEnv: PROOFBOOK_TEST_CANARY_KEY');
    await writeFile(path.join(root, 'content/gateway.yaml'), gateway);
    await cp(repoChecks, path.join(root, 'content/checks'), { recursive: true });
    process.env.PROOFBOOK_TEST_CANARY_KEY = canary;
    // curl's error line reaches the record's summary; here it names a URL with the key in it. A curl error alone does
    // not say which check it is for (issue 24 item 4), so its meta file names it.
    await writeFile(path.join(evaluationDir, 'imports', 'curl-key-in-url.txt'), `curl: (6) Could not resolve host: ${canary}.gw.lan\n`);
    await writeFile(path.join(evaluationDir, 'imports', 'curl-key-in-url.txt.meta.yaml'), "kind: curl-transcript\norigin: sandbox\ncapturedAt: '2026-03-01T10:00:00Z'\nchecks: [mcp.tools-list]\n");
    const context = makeLoaderContext(await makeStore(), 'imports', ImportedArtifactSchema, root);
    await importsLoader({ evaluationDir }).load(context.ctx);
    const stored = JSON.stringify(context.ctx.store.get('imports/curl-key-in-url.txt')?.data);
    expect(stored).toContain('PROOFBOOK_TEST_CANARY_KEY');
    expect(stored).not.toContain(canary.slice(3, 15));
  });

  test('imports the seed samples and keeps an unparseable file as an entry', async () => {
    for (const name of ['lan-mcp-tools-2025-09-18-075003.log', 'codex-cli-mcp-2025-09-18.txt', 'test-openwebui-mcp-2025-09-18.log']) {
      await copyFile(path.join(samplesDir, name), path.join(evaluationDir, 'imports', name));
      await copyFile(path.join(samplesDir, `${name}.meta.yaml`), path.join(evaluationDir, 'imports', `${name}.meta.yaml`));
    }
    await mkdir(path.join(root, 'content'), { recursive: true });
    await copyFile(repoGateway, path.join(root, 'content/gateway.yaml'));
    await cp(repoChecks, path.join(root, 'content/checks'), { recursive: true });
    await writeFile(path.join(evaluationDir, 'imports', 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    const store = await makeStore();
    const loader = importsLoader({ evaluationDir });
    const first = makeLoaderContext(store, 'imports', ImportedArtifactSchema, root);
    await loader.load(first.ctx);
    const entries = Object.fromEntries(first.ctx.store.entries().map(([id, e]) => [id, e.data as { kind: string; unparseable: unknown; records: { checkId: string; verdict: string }[] }]));
    expect(Object.keys(entries).sort()).toEqual([
      'imports/codex-cli-mcp-2025-09-18.txt',
      'imports/lan-mcp-tools-2025-09-18-075003.log',
      'imports/photo.png',
      'imports/test-openwebui-mcp-2025-09-18.log',
    ]);
    expect(entries['imports/lan-mcp-tools-2025-09-18-075003.log'].records).toMatchObject([{ checkId: 'sse.heartbeat', verdict: 'pass' }]);
    expect(entries['imports/codex-cli-mcp-2025-09-18.txt'].records).toMatchObject([{ checkId: 'clients.codex-cli', verdict: 'pass' }]);
    expect(entries['imports/test-openwebui-mcp-2025-09-18.log'].records).toMatchObject([{ checkId: 'clients.open-webui', verdict: 'fail' }]);
    expect(entries['imports/photo.png']).toMatchObject({ kind: 'unknown', unparseable: { reason: expect.stringMatching(/^binary content/) } });

    // Editing only the sidecar re-parses the artifact it describes.
    const sidecar = path.join(evaluationDir, 'imports', 'codex-cli-mcp-2025-09-18.txt.meta.yaml');
    await writeFile(sidecar, (await readFile(sidecar, 'utf8')).replace('origin: sandbox', 'origin: lan-host'));
    const second = makeLoaderContext(store, 'imports', ImportedArtifactSchema, root);
    await loader.load(second.ctx);
    expect(second.parses()).toBe(1);
    expect(second.ctx.store.get('imports/codex-cli-mcp-2025-09-18.txt')?.data).toMatchObject({ origin: 'lan-host' });
  });
});
