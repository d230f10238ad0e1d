import { mkdir, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { writeRun } from '../../src/evidence/store.ts';
import { statusEvidenceLoader } from '../../src/site/loaders/status-digest-loader.ts';
import { StatusEvidenceSchema, type StatusEvidence, type StoredStatusEvidence } from '../../src/site/loaders/stored-status-evidence.ts';
import { makeLoaderContext, makeStore } from '../loaders/loader-context.ts';
import { makeHistoryDay, makeRun, useTempEvaluation } from '../support/evidence-fixtures.ts';

let root: string;
let evaluationDir: string;
useTempEvaluation((temp) => ({ root, evaluationDir } = temp));

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

/** One sync in a fresh process: the store is serialised and read back, as the content layer persists it. */
async function sync(serialised?: string) {
  const store = await makeStore(serialised);
  const context = makeLoaderContext(store, 'statusEvidence', StatusEvidenceSchema, root);
  await statusEvidenceLoader().load(context.ctx);
  const stored = context.ctx.store.get('latest')?.data as StoredStatusEvidence | undefined;
  const latest = stored?.evidence;
  return { ...context, latest, serialised: store.toString() };
}

const rowIds = (latest: StatusEvidence | undefined) => latest?.digest.latest.map(({ record }) => `${record.checkId}@${record.origin}`).sort();

test('a sync with nothing new in evaluation/ keeps the stored digest without reading a run; a new run or history file is read', async () => {
  await writeRun(evaluationDir, makeRun({ origin: 'ci', at: minutesAgo(30), verdicts: { 'mcp.tools-list': 'pass' } }));
  const first = await sync();
  expect(rowIds(first.latest)).toEqual(['mcp.tools-list@ci']);
  expect(first.logs.info.join('\n')).toMatch(/status: 1 rows from 1 of 1 runs/);

  // Same inputs: nothing parsed, the entry is the one stored.
  const second = await sync(first.serialised);
  expect(second.parses()).toBe(0);
  expect(second.logs.info).toContain('status: evaluation/ unchanged since the last sync this hour; kept the stored digest');
  expect(second.latest).toEqual(first.latest);

  // A new run is picked up.
  await writeRun(evaluationDir, makeRun({ origin: 'sandbox', at: minutesAgo(10), verdicts: { 'mcp.tools-list': 'fail' } }));
  const third = await sync(second.serialised);
  expect(rowIds(third.latest)).toEqual(['mcp.tools-list@ci', 'mcp.tools-list@sandbox']);

  // So is a history file that changed inside the window, even at the same size.
  const today = new Date().toISOString().slice(0, 10);
  await mkdir(path.join(evaluationDir, 'history'), { recursive: true });
  const historyFile = path.join(evaluationDir, 'history', `${today}.json`);
  await writeFile(historyFile, JSON.stringify(makeHistoryDay(today, [{ checkId: 'mcp.tools-list', origin: 'ci', pass: 3 }])));
  const fourth = await sync(third.serialised);
  expect(fourth.logs.info.join('\n')).not.toMatch(/unchanged/);
  // The file was written a moment ago: its mtime cannot vouch for its bytes yet, so it is read again.
  const fifth = await sync(fourth.serialised);
  expect(fifth.logs.info.join('\n')).not.toMatch(/unchanged/);
  // Once the mtime is older than the racy window, the stamp is kept and the next sync reads nothing.
  const settledAt = new Date(Date.now() - 10_000);
  await utimes(historyFile, settledAt, settledAt);
  const settled = await sync((await sync(fifth.serialised)).serialised);
  expect(settled.logs.info.join('\n')).toMatch(/unchanged/);
  await utimes(historyFile, new Date(), new Date(Date.now() + 5_000));
  const sixth = await sync(settled.serialised);
  expect(sixth.logs.info.join('\n')).not.toMatch(/unchanged/);
});

test('a run edited in place (same name) is read again', async () => {
  const run = makeRun({ origin: 'ci', at: minutesAgo(30), verdicts: { 'mcp.tools-list': 'pass' } });
  await writeRun(evaluationDir, run);
  const first = await sync();
  const runFile = path.join(evaluationDir, 'runs', run.runId, 'run.json');
  await writeFile(runFile, JSON.stringify({ ...run, records: run.records.map((record) => ({ ...record, verdict: 'fail', failureClass: 'http_status' })) }, null, 2));
  const second = await sync(first.serialised);
  expect(second.latest?.digest.latest[0]?.record).toMatchObject({ checkId: 'mcp.tools-list', verdict: 'fail' });
});

test('a digest stored in an older shape is recomputed even when evaluation/ is unchanged', async () => {
  await writeRun(evaluationDir, makeRun({ origin: 'ci', at: minutesAgo(30), verdicts: { 'mcp.tools-list': 'pass' } }));
  const first = await sync();
  // The entry as an earlier version stored it (objects, schemaVersion 1), under the same input stamp.
  first.store.scopedStore('statusEvidence').set({ id: 'latest', data: { schemaVersion: 1, digest: {}, history: {} }, digest: 'v1' });
  const second = await sync(first.store.toString());
  expect(second.parses()).toBe(1);
  expect(rowIds(second.latest)).toEqual(['mcp.tools-list@ci']);

  // The same content stored as version 6 did (one JSON string), with the digest it gave: replaced, and the next
  // sync is quick again.
  const json = JSON.stringify((second.store.scopedStore('statusEvidence').get('latest')?.data as StoredStatusEvidence).evidence);
  second.store.scopedStore('statusEvidence').set({ id: 'latest', data: { schemaVersion: 6, json }, digest: second.ctx.generateDigest(json) });
  const third = await sync(second.store.toString());
  expect(third.parses()).toBe(1);
  const fourth = await sync(third.serialised);
  expect(fourth.parses()).toBe(0);
  expect(fourth.logs.info).toContain('status: evaluation/ unchanged since the last sync this hour; kept the stored digest');
});

test('a history file rewritten at the same size within the same clock tick as the last sync is still read again', async () => {
  await writeRun(evaluationDir, makeRun({ origin: 'ci', at: minutesAgo(30), verdicts: { 'mcp.tools-list': 'pass' } }));
  const today = new Date().toISOString().slice(0, 10);
  await mkdir(path.join(evaluationDir, 'history'), { recursive: true });
  const historyFile = path.join(evaluationDir, 'history', `${today}.json`);
  const day = (pass: number, fail: number) => JSON.stringify(makeHistoryDay(today, [{ checkId: 'mcp.tools-list', origin: 'ci', pass, fail }]));
  expect(day(3, 0).length).toBe(day(0, 3).length);
  await writeFile(historyFile, day(3, 0));
  // A whole second, so utimes can set exactly the same mtime again; under a second old, so inside the racy window.
  const tick = new Date(Math.floor(Date.now() / 1000) * 1000);
  await utimes(historyFile, tick, tick);
  const first = await sync();
  // Same size, and the mtime the clock would give a write in the same tick.
  await writeFile(historyFile, day(0, 3));
  await utimes(historyFile, tick, tick);
  expect((await stat(historyFile)).mtimeMs).toBe(tick.getTime());
  const second = await sync(first.serialised);
  expect(first.latest?.history.byCheck['mcp.tools-list']?.history.at(-1)).toBe('p');
  expect(second.latest?.history.byCheck['mcp.tools-list']?.history.at(-1)).toBe('f');
});

test('a run that fails its schema is skipped with a warning naming the file, and the others still count', async () => {
  await writeRun(evaluationDir, makeRun({ origin: 'ci', at: minutesAgo(30), verdicts: { 'mcp.tools-list': 'pass' } }));
  const badDir = path.join(evaluationDir, 'runs', '20990101T000000Z-ci-dead');
  await mkdir(badDir, { recursive: true });
  await writeFile(path.join(badDir, 'run.json'), '{"schemaVersion": 1, "runId": 42}');
  const synced = await sync();
  expect(rowIds(synced.latest)).toEqual(['mcp.tools-list@ci']);
  expect(synced.logs.warn).toEqual([expect.stringMatching(/^status: skipped Invalid evaluation run:\nevaluation\/runs\/20990101T000000Z-ci-dead\/run\.json:1 → runId: Invalid input: expected string, received number\n/)]);
});
