import { expect, test } from 'vitest';
import type { RunSummary } from '../../../schemas/run-summary.ts';
import { newestRuns } from './run-index.ts';

const run = (runId: string, finishedAt: string): RunSummary => ({
  schemaVersion: 1,
  runId,
  origin: runId.split('-')[1]!,
  environment: 'demo',
  baseUrl: 'http://127.0.0.1:4000',
  override: false,
  provenance: 'demo',
  toolVersion: '0.1.0',
  startedAt: finishedAt,
  finishedAt,
  recordCount: 1,
  verdicts: { pass: 1 },
  failing: [],
  failingMore: 0,
});

test('lists the newest runs first, ties by id, and counts the ones left out', () => {
  const runs = [
    run('20260301T100000Z-ci-aaaa', '2026-03-01T10:00:30Z'),
    run('20260301T110000Z-ci-bbbb', '2026-03-01T11:00:30Z'),
    run('20260301T110000Z-sandbox-cccc', '2026-03-01T11:00:30Z'),
    run('20260301T090000Z-ci-dddd', '2026-03-01T09:00:30+01:00'),
  ];
  const { shown, more } = newestRuns(runs, 3);
  expect(shown.map((r) => r.runId)).toEqual(['20260301T110000Z-sandbox-cccc', '20260301T110000Z-ci-bbbb', '20260301T100000Z-ci-aaaa']);
  expect(more).toBe(1);
  expect(newestRuns([], 3)).toEqual({ shown: [], more: 0 });
});
