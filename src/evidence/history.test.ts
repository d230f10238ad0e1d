import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { makeRun, useTempEvaluation } from '../../tests/support/evidence-fixtures.ts';
import { aggregateDay, updateHistory } from './history.ts';

const r1 = makeRun({ runId: '20260301T100000Z-sandbox-0001', verdicts: { 'mcp.tools-list': 'pass', 'sse.heartbeat': 'degraded' } });
const r2 = makeRun({ runId: '20260301T110000Z-sandbox-0002', verdicts: { 'mcp.tools-list': 'fail' } });
const r3 = makeRun({ runId: '20260301T110000Z-lan-host-0003', verdicts: { 'mcp.tools-list': 'error' } });

describe('aggregateDay', () => {
  test('buckets per check × target × origin with counts and the last verdict', () => {
    expect(aggregateDay('2026-03-01', [r1, r2, r3])).toEqual({
      schemaVersion: 1,
      date: '2026-03-01',
      runCount: 3,
      buckets: [
        { checkId: 'mcp.tools-list', target: 'demo', origin: 'lan-host', provenance: 'real', pass: 0, fail: 0, degraded: 0, error: 1, flaky: 0, unstable: 0, firstAt: '2026-03-01T11:00:00Z', lastAt: '2026-03-01T11:00:00Z', lastVerdict: 'error', failures: [{ from: '2026-03-01T11:00:00Z', to: '2026-03-01T11:00:00Z', count: 1, key: 'http_status' }] },
        { checkId: 'mcp.tools-list', target: 'demo', origin: 'sandbox', provenance: 'real', pass: 1, fail: 1, degraded: 0, error: 0, flaky: 0, unstable: 1, firstAt: '2026-03-01T10:00:00Z', lastAt: '2026-03-01T11:00:00Z', lastVerdict: 'fail', failures: [{ from: '2026-03-01T11:00:00Z', to: '2026-03-01T11:00:00Z', count: 1, key: 'http_status' }] },
        { checkId: 'sse.heartbeat', target: 'demo', origin: 'sandbox', provenance: 'real', pass: 0, fail: 0, degraded: 1, error: 0, flaky: 0, unstable: 0, firstAt: '2026-03-01T10:00:00Z', lastAt: '2026-03-01T10:00:00Z', lastVerdict: 'degraded', failures: [] },
      ],
    });
  });

  test('passes after a retry are flaky, outcome flips are unstable, and failures of one kind make one span', () => {
    const at = (hour: number) => `2026-03-02T${String(hour).padStart(2, '0')}:00:00Z`;
    const attempts = (verdicts: ('pass' | 'fail')[], hour: number) => verdicts.map((verdict) => ({ startedAt: at(hour), finishedAt: at(hour), verdict, summary: verdict }));
    const runs = [
      { hour: 1, verdict: 'pass' as const },
      { hour: 2, verdict: 'fail' as const, failureClass: 'http_status' as const, measured: { status: 502 } },
      { hour: 3, verdict: 'fail' as const, failureClass: 'http_status' as const, measured: { status: 502 } },
      { hour: 4, verdict: 'error' as const, failureClass: 'dns' as const },
      { hour: 5, verdict: 'pass' as const, attempts: attempts(['fail', 'pass'], 5) },
      { hour: 6, verdict: 'pass' as const },
    ].map(({ hour, ...fields }) => makeRun({ runId: `20260302T0${hour}0000Z-sandbox-000${hour}`, environment: 'internal', records: [{ checkId: 'mcp.tools-list', ...fields }] }));
    const [bucket] = aggregateDay('2026-03-02', runs.reverse()).buckets;
    // Unstable: the first failure (a flip) and the pass after a retry (a flip too, counted once).
    expect(bucket).toMatchObject({ provenance: 'real', pass: 3, fail: 2, error: 1, flaky: 1, unstable: 2, lastVerdict: 'pass' });
    expect(bucket!.failures).toEqual([
      { from: at(2), to: at(3), count: 2, key: 'http_status:502' },
      { from: at(4), to: at(4), count: 1, key: 'dns' },
    ]);
  });

  test('does not depend on the order runs are read in', () => {
    expect(aggregateDay('2026-03-01', [r3, r2, r1])).toEqual(aggregateDay('2026-03-01', [r1, r2, r3]));
  });
});

describe('updateHistory', () => {
  let root: string;
  let evaluationDir: string;
  useTempEvaluation((temp) => ({ root, evaluationDir } = temp));

  test('is idempotent: a second run with the same runs rewrites nothing', async () => {
    expect(await updateHistory(evaluationDir, [r1, r2])).toEqual({ written: ['2026-03-01'], unchanged: [], keptCompacted: [] });
    const file = path.join(evaluationDir, 'history/2026-03-01.json');
    const before = await stat(file);
    expect(await updateHistory(evaluationDir, [r2, r1])).toEqual({ written: [], unchanged: ['2026-03-01'], keptCompacted: [] });
    expect((await stat(file)).mtimeMs).toBe(before.mtimeMs);
  });

  test('never shrinks a day whose raw runs were compacted', async () => {
    await updateHistory(evaluationDir, [r1, r2, r3]);
    expect(await updateHistory(evaluationDir, [r1], ['2026-03-01'])).toEqual({ written: [], unchanged: [], keptCompacted: ['2026-03-01'] });
    expect(JSON.parse(await readFile(path.join(evaluationDir, 'history/2026-03-01.json'), 'utf8'))).toMatchObject({ runCount: 3 });
  });
});
