import { describe, expect, test } from 'vitest';
import { hoursAgo, makeHistoryDay, makeRun, NOW } from '../../tests/support/evidence-fixtures.ts';
import { DigestBuilder, expectedRows, refineSince } from './evidence-digest.ts';
import { summariseStatus } from './summarise.ts';

const HOUR = 3_600_000;

/** A sandbox run `hours` before NOW; `tools` is the catalog its mcp.tools-list record saw. */
function run(hours: number, verdicts: Record<string, 'pass' | 'fail'>, tools?: string[]) {
  const records = Object.entries(verdicts).map(([checkId, verdict]) => ({ checkId, verdict, measured: tools && checkId === 'mcp.tools-list' ? { tools: tools.map((name) => ({ name })) } : {} }));
  return makeRun({ at: hoursAgo(hours), environment: 'internal', records });
}

describe('evidence digest', () => {
  test('stops once the span is covered, failures know their start and two catalogs are seen', () => {
    const builder = new DigestBuilder();
    const runs = [run(1, { 'a.one': 'fail', 'mcp.tools-list': 'pass' }, ['x', 'y']), run(2, { 'a.one': 'fail', 'mcp.tools-list': 'pass' }, ['x']), run(3, { 'a.one': 'pass', 'mcp.tools-list': 'pass' }, ['x'])];
    const readBeforeStop = runs.findIndex((r) => (builder.add(r), builder.isEnough(new Set(), 100 * HOUR, 100 * HOUR))) + 1;
    expect(readBeforeStop).toBe(3);
    const digest = builder.finish(10);
    expect(digest.latest.find((l) => l.record.checkId === 'a.one')!.since).toBe(new Date(NOW.getTime() - 2 * HOUR).toISOString());
    expect(digest.drift.map((d) => d.added)).toEqual([['y']]);
    expect({ scanned: digest.scanned, listed: digest.listed }).toEqual({ scanned: 3, listed: 10 });
  });

  test('a failure older than the longest span reads since the oldest run read', () => {
    const builder = new DigestBuilder();
    for (const hours of [1, 2, 3, 4, 5]) {
      builder.add(run(hours, { 'a.one': 'fail' }));
      if (builder.isEnough(new Set(), 2 * HOUR, 10 * HOUR)) break;
    }
    const digest = builder.finish(5);
    expect(digest).toMatchObject({ scanned: 3, latest: [{ since: new Date(NOW.getTime() - 3 * HOUR).toISOString(), isOpen: true }] });
    // History then moves the start back over whole failing days, up to the last day with a pass.
    const history = [
      makeHistoryDay('2026-11-23', [{ checkId: 'a.one', fail: 24 }]),
      makeHistoryDay('2026-11-22', [{ checkId: 'a.one', fail: 20, pass: 0 }]),
      makeHistoryDay('2026-11-21', [{ checkId: 'a.one', fail: 2, pass: 22 }]),
    ];
    expect(refineSince(digest, history).latest[0]!.since).toBe('2026-11-22T00:00:00Z');
  });

  test('a scan does not stop before it has seen every row recent history knows of', () => {
    const builder = new DigestBuilder();
    builder.add(run(1, { 'a.one': 'pass' }));
    const expected = expectedRows([makeHistoryDay('2026-11-24', [{ checkId: 'a.one', pass: 1 }, { checkId: 'daily.check', pass: 1 }])], 0);
    expect(builder.isEnough(expected, 0, 100 * HOUR)).toBe(false);
    builder.add(run(20, { 'daily.check': 'pass' }));
    expect(builder.isEnough(expected, 0, 100 * HOUR)).toBe(true);
  });

  test('the digest judges like the raw records do', () => {
    const runs = [run(1, { 'a.one': 'fail', 'b.two': 'pass' }), run(5, { 'a.one': 'fail', 'b.two': 'fail' }), run(9, { 'a.one': 'pass', 'b.two': 'pass' })];
    const builder = new DigestBuilder();
    for (const r of runs) builder.add(r);
    const fromDigest = summariseStatus({ now: NOW, checks: [], digest: builder.finish(3) });
    const fromRecords = summariseStatus({ now: NOW, checks: [], records: runs.flatMap((r) => r.records) });
    expect(fromDigest.checks).toEqual(fromRecords.checks);
  });
});
