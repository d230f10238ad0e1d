import { copyFile, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { historyLoader, importsLoader, runsLoader } from '../../src/loaders/index.ts';
import { EvalRunSchema } from '../../src/schemas/eval-run.ts';
import { DailyHistorySchema } from '../../src/schemas/history.ts';
import { ImportedArtifactSchema } from '../../src/schemas/imported-artifact.ts';
import { samplesDir } from '../ingest/fixtures.ts';
import { makeLoaderContext, makeStore } from './loader-context.ts';
import { makeRun, makeTempEvaluation, writeRunFile } from './evaluation-fixture.ts';

let root: string;
let evaluationDir: string;

beforeEach(async () => {
  ({ root, evaluationDir } = await makeTempEvaluation());
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const A = '20260301T100000Z-sandbox-aaaa';
const B = '20260301T100500Z-sandbox-bbbb';
const BAD = '20260301T101000Z-sandbox-0bad';

describe('runsLoader', () => {
  test('skips unchanged files, re-parses a changed one, removes a deleted one, logs a bad one with file and field', async () => {
    await writeRunFile(evaluationDir, makeRun(A, '2026-03-01T10:00:00Z', { 'mcp.tools-list': 'pass' }));
    const fileB = await writeRunFile(evaluationDir, makeRun(B, '2026-03-01T10:05:00Z', { 'mcp.tools-list': 'fail' }));
    const bad = makeRun(BAD, '2026-03-01T10:10:00Z', { 'mcp.tools-list': 'pass' });
    (bad.records[0] as Record<string, unknown>).verdict = 'green';
    await writeRunFile(evaluationDir, bad);
    const loader = runsLoader({ evaluationDir });
    const store = await makeStore();

    const first = makeLoaderContext(store, 'runs', EvalRunSchema, root);
    await loader.load(first.ctx);
    expect(first.ctx.store.keys().sort()).toEqual([A, B]);
    expect(first.parses()).toBe(3);
    expect(first.logs.error).toHaveLength(1);
    expect(first.logs.error[0]).toMatch(new RegExp(`^skipped Invalid evaluation run:\\nevaluation/runs/${BAD}/run.json:\\d+ → records\\[0\\]\\.verdict: Invalid option`));
    expect(first.ctx.store.get(A)).toMatchObject({ filePath: `evaluation/runs/${A}/run.json`, digest: expect.any(String) });

    // A new process: the store comes back from its serialised form, as .astro/data-store.json does.
    const persisted = await makeStore(store.toString());
    const warm = makeLoaderContext(persisted, 'runs', EvalRunSchema, root);
    await loader.load(warm.ctx);
    expect(warm.parses()).toBe(1); // only the bad file, which has no entry, is validated again
    expect(warm.logs.info[0]).toBe('runs: 0 parsed, 2 unchanged, 1 skipped as invalid, 0 removed');

    // Same bytes, new mtime: read and digested, but not parsed.
    const later = new Date(Date.now() + 5_000);
    await utimes(fileB, later, later);
    const touched = makeLoaderContext(persisted, 'runs', EvalRunSchema, root);
    await loader.load(touched.ctx);
    expect(touched.parses()).toBe(1);

    await writeRunFile(evaluationDir, makeRun(B, '2026-03-01T10:05:00Z', { 'mcp.tools-list': 'pass' }));
    await rm(path.join(evaluationDir, 'runs', A), { recursive: true });
    const changed = makeLoaderContext(persisted, 'runs', EvalRunSchema, root);
    await loader.load(changed.ctx);
    expect(changed.parses()).toBe(2); // B (changed) and the bad one
    expect(changed.ctx.store.keys()).toEqual([B]);
    expect(changed.ctx.store.get<{ records: { verdict: string }[] }>(B)?.data.records[0].verdict).toBe('pass');
  });

  test('keeps the day history file in step with the runs it saw', async () => {
    await writeRunFile(evaluationDir, makeRun(A, '2026-03-01T10:00:00Z', { 'mcp.tools-list': 'pass', 'sse.heartbeat': 'fail' }));
    await writeRunFile(evaluationDir, makeRun(B, '2026-03-01T10:05:00Z', { 'mcp.tools-list': 'fail' }));
    const store = await makeStore();
    await runsLoader({ evaluationDir }).load(makeLoaderContext(store, 'runs', EvalRunSchema, root).ctx);
    const history = DailyHistorySchema.parse(JSON.parse(await readFile(path.join(evaluationDir, 'history/2026-03-01.json'), 'utf8')));
    expect(history).toMatchObject({ date: '2026-03-01', runCount: 2 });
    expect(history.buckets.find((b) => b.checkId === 'mcp.tools-list')).toMatchObject({ pass: 1, fail: 1, lastVerdict: 'fail' });

    const loaded = makeLoaderContext(store, 'history', DailyHistorySchema, root);
    await historyLoader({ evaluationDir }).load(loaded.ctx);
    expect(loaded.ctx.store.get('2026-03-01')?.data).toMatchObject({ runCount: 2 });
  });
});

describe('importsLoader', () => {
  test('imports the seed samples and keeps an unparseable file as an entry', async () => {
    for (const name of ['lan-mcp-tools-2025-09-18-075003.log', 'codex-cli-mcp-2025-09-18.txt', 'test-openwebui-mcp-2025-09-18.log']) {
      await copyFile(path.join(samplesDir, name), path.join(evaluationDir, 'imports', name));
      await copyFile(path.join(samplesDir, `${name}.meta.yaml`), path.join(evaluationDir, 'imports', `${name}.meta.yaml`));
    }
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

test('history written by the runs loader reaches the history collection in the same sync (no watcher, as in astro build)', async () => {
  await writeRunFile(evaluationDir, makeRun(A, '2026-03-01T10:00:00Z', { 'mcp.tools-list': 'pass' }));
  const store = await makeStore();
  const history = makeLoaderContext(store, 'history', DailyHistorySchema, root);
  // The history collection syncs first and finds no day files yet.
  await historyLoader({ evaluationDir }).load(history.ctx);
  expect(history.ctx.store.keys()).toEqual([]);
  await runsLoader({ evaluationDir }).load(makeLoaderContext(store, 'runs', EvalRunSchema, root).ctx);
  expect(history.ctx.store.get('2026-03-01')?.data).toMatchObject({ runCount: 1 });
});
