import { expect, test } from 'vitest';
import { makeRun } from '../../tests/support/evidence-fixtures.ts';
import { RunSummarySchema } from '../schemas/run-summary.ts';
import { summariseRun } from './summarise-run.ts';

test('counts verdicts and lists failing checks sorted, without the records', () => {
  const run = makeRun({ runId: '20260301T100000Z-sandbox-aaaa', at: '2026-03-01T10:00:00Z', verdicts: { 'sse.heartbeat': 'error', 'mcp.tools-list': 'fail', 'mcp.initialize': 'pass', 'health.readiness': 'degraded' } });
  const summary = RunSummarySchema.parse(summariseRun(run));
  // The head as written, then the counts.
  const { records: _records, ...head } = run;
  expect(summary).toEqual({
    ...head,
    recordCount: 4,
    verdicts: { error: 1, fail: 1, pass: 1, degraded: 1 },
    failing: ['mcp.tools-list', 'sse.heartbeat'],
    failingMore: 0,
  });
});

test('keeps the failing list short and counts the rest', () => {
  const verdicts = Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`g.c${String(i).padStart(2, '0')}`, 'fail' as const]));
  const summary = summariseRun(makeRun({ runId: '20260301T100000Z-ci-bbbb', at: '2026-03-01T10:00:00Z', verdicts }));
  expect(summary.failing).toEqual(['g.c00', 'g.c01', 'g.c02', 'g.c03', 'g.c04', 'g.c05', 'g.c06', 'g.c07', 'g.c08', 'g.c09']);
  expect(summary.failingMore).toBe(3);
  expect(RunSummarySchema.safeParse(summary).success).toBe(true);
});
