import { access, mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { makeRun, useTempEvaluation, writeRunFile } from '../../tests/support/evidence-fixtures.ts';
import { compactEvidence } from './compact.ts';
import { updateHistory } from './history.ts';
import { readRun } from './run-files.ts';

let root: string;
let evaluationDir: string;
useTempEvaluation((temp) => ({ root, evaluationDir } = temp));

const now = new Date('2026-03-10T12:00:00Z');
const exists = (p: string) => access(path.join(evaluationDir, p)).then(() => true, () => false);

test('deletes raw runs older than N days once history covers them, keeps recent ones and all history', async () => {
  const old = ['20260301T100000Z-sandbox-0001', '20260301T110000Z-sandbox-0002'];
  const recent = '20260309T100000Z-sandbox-0003';
  for (const runId of [...old, recent]) await writeRunFile(evaluationDir, makeRun({ runId, verdicts: { 'mcp.tools-list': 'pass' } }));
  const report = await compactEvidence({ evaluationDir, rawDays: 7, now });
  expect(report).toMatchObject({ deletedRuns: old, keptDays: [], historyWritten: ['2026-03-01'], droppedHistory: [] });
  expect(await readdir(path.join(evaluationDir, 'runs'))).toEqual([recent]);
  expect(await exists('history/2026-03-01.json')).toBe(true);
  // Re-running ingest over what is left never shrinks the compacted day.
  const left = [readRun(evaluationDir, `runs/${recent}/run.json`)];
  expect((await updateHistory(evaluationDir, left, ['2026-03-01', '2026-03-09'])).keptCompacted).toEqual(['2026-03-01']);
});

test('a day with an unreadable run is kept raw and reported', async () => {
  await writeRunFile(evaluationDir, makeRun({ runId: '20260301T100000Z-sandbox-0001', verdicts: { 'mcp.tools-list': 'pass' } }));
  await mkdir(path.join(evaluationDir, 'runs/20260301T110000Z-sandbox-0002'), { recursive: true });
  await writeFile(path.join(evaluationDir, 'runs/20260301T110000Z-sandbox-0002/run.json'), '{"schemaVersion": 1');
  const report = await compactEvidence({ evaluationDir, rawDays: 7, now });
  expect(report.deletedRuns).toEqual([]);
  expect(report.keptDays).toMatchObject([{ date: '2026-03-01', reason: expect.stringContaining('20260301T110000Z-sandbox-0002') }]);
});

test('history older than the history window is dropped; --dry-run deletes nothing', async () => {
  await mkdir(path.join(evaluationDir, 'history'), { recursive: true });
  await writeFile(path.join(evaluationDir, 'history/2025-01-01.json'), '{}');
  await writeRunFile(evaluationDir, makeRun({ runId: '20260301T100000Z-sandbox-0001', verdicts: { 'mcp.tools-list': 'pass' } }));
  const dry = await compactEvidence({ evaluationDir, rawDays: 7, now, dryRun: true });
  expect(dry.droppedHistory).toEqual(['history/2025-01-01.json']);
  expect(await exists('history/2025-01-01.json')).toBe(true);
  expect(await exists('runs/20260301T100000Z-sandbox-0001')).toBe(true);
  const real = await compactEvidence({ evaluationDir, rawDays: 7, now });
  expect(real).toMatchObject({ droppedHistory: ['history/2025-01-01.json'], deletedRuns: ['20260301T100000Z-sandbox-0001'] });
  expect(await exists('history/2025-01-01.json')).toBe(false);
});
