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
        { checkId: 'mcp.tools-list', target: 'demo', origin: 'lan-host', pass: 0, fail: 0, degraded: 0, error: 1, firstAt: '2026-03-01T11:00:00Z', lastAt: '2026-03-01T11:00:00Z', lastVerdict: 'error' },
        { checkId: 'mcp.tools-list', target: 'demo', origin: 'sandbox', pass: 1, fail: 1, degraded: 0, error: 0, firstAt: '2026-03-01T10:00:00Z', lastAt: '2026-03-01T11:00:00Z', lastVerdict: 'fail' },
        { checkId: 'sse.heartbeat', target: 'demo', origin: 'sandbox', pass: 0, fail: 0, degraded: 1, error: 0, firstAt: '2026-03-01T10:00:00Z', lastAt: '2026-03-01T10:00:00Z', lastVerdict: 'degraded' },
      ],
    });
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
