import { describe, expect, test } from 'vitest';
import { makeHistoryDay, NOW, type BucketOverrides } from '../../tests/support/evidence-fixtures.ts';
import type { BaselineEntry } from '../schemas/baseline.ts';
import { MaintenanceWindowSchema } from '../schemas/maintenance.ts';
import { expandWindows } from './maintenance.ts';
import { dayMark, summariseHistory } from './uptime.ts';

const TODAY = '2026-11-24';
const YESTERDAY = '2026-11-23';
const span = (from: string, to: string, count: number, key?: string) => ({ from, to, count, ...(key ? { key } : {}) });

/** One check's figures over a 7-day window from the given days of buckets. */
function figures(days: Record<string, BucketOverrides[]>, options: { baseline?: BaselineEntry[]; windows?: unknown[] } = {}) {
  const history = Object.entries(days).map(([date, buckets]) => makeHistoryDay(date, buckets));
  const windows = (options.windows ?? []).map((w) => MaintenanceWindowSchema.parse(w));
  const maintenance = expandWindows(windows, NOW.getTime() - 7 * 86_400_000, NOW.getTime() + 1);
  return summariseHistory(history, { now: NOW, days: 7, baseline: options.baseline, maintenance }).get('a.one')!;
}

describe('uptime from the daily buckets', () => {
  test.each([
    {
      name: 'passes and counted failures',
      days: { [TODAY]: [{ checkId: 'a.one', pass: 9, fail: 1, failures: [span('2026-11-24T02:00:00Z', '2026-11-24T02:00:00Z', 1, 'http_status:502')] }] },
      uptime7: 90, mark: 'f', counts: [9, 0, 1, 0, 0, 0],
    },
    {
      name: 'failures in a maintenance window are left out',
      days: { [TODAY]: [{ checkId: 'a.one', pass: 9, fail: 3, failures: [span('2026-11-24T04:00:00Z', '2026-11-24T04:10:00Z', 3, 'http_status:502')] }] },
      windows: [{ id: 'restart', title: 'Restart', affects: ['*'], cron: '0 5 * * *', timezone: 'Europe/Berlin', duration: '15m' }],
      uptime7: 100, mark: 'm', counts: [9, 0, 0, 0, 3, 0],
    },
    {
      name: 'a window half over a span takes half of its failures',
      days: { [TODAY]: [{ checkId: 'a.one', pass: 6, fail: 4, failures: [span('2026-11-24T03:50:00Z', '2026-11-24T04:10:00Z', 4, 'http_status:502')] }] },
      windows: [{ id: 'upgrade', title: 'Upgrade', affects: ['a.one'], start: '2026-11-24T04:00:00Z', end: '2026-11-24T05:00:00Z' }],
      uptime7: 75, mark: 'f', counts: [6, 0, 2, 0, 2, 0],
    },
    {
      name: 'a window for another check leaves the failures in',
      days: { [TODAY]: [{ checkId: 'a.one', pass: 9, fail: 1, failures: [span('2026-11-24T04:00:00Z', '2026-11-24T04:00:00Z', 1, 'http_status:502')] }] },
      windows: [{ id: 'upgrade', title: 'Upgrade', affects: ['b.*'], start: '2026-11-24T03:00:00Z', duration: '2h' }],
      uptime7: 90, mark: 'f', counts: [9, 0, 1, 0, 0, 0],
    },
    {
      name: 'the failure the baseline expects is left out, another failure of the check is not',
      days: { [TODAY]: [{ checkId: 'a.one', pass: 8, fail: 2, failures: [span('2026-11-24T01:00:00Z', '2026-11-24T01:00:00Z', 1, 'dns'), span('2026-11-24T02:00:00Z', '2026-11-24T02:00:00Z', 1, 'http_status:500')] }] },
      baseline: [{ check: 'a.one', origin: 'sandbox', failureClass: 'dns', reason: 'r', doc: '/x/', since: '2025-09-18' }],
      uptime7: 88.889, mark: 'f', counts: [8, 0, 1, 0, 0, 1],
    },
    {
      name: 'a pass after a retry is flaky and counts as up',
      days: { [TODAY]: [{ checkId: 'a.one', pass: 10, flaky: 2 }] },
      uptime7: 100, mark: 'y', counts: [10, 0, 0, 2, 0, 0],
    },
    {
      name: 'a degraded answer is up, and marks the day',
      days: { [TODAY]: [{ checkId: 'a.one', pass: 9, degraded: 1 }] },
      uptime7: 100, mark: 'd', counts: [9, 1, 0, 0, 0, 0],
    },
    {
      name: 'an origin that cannot resolve the name while another reaches the target is a limitation, left out',
      days: { [TODAY]: [{ checkId: 'a.one', fail: 5, failures: [span('2026-11-24T00:00:00Z', '2026-11-24T12:00:00Z', 5, 'dns')] }, { checkId: 'a.one', origin: 'lan-host', pass: 5 }] },
      uptime7: 100, mark: 'p', counts: [5, 0, 0, 0, 0, 5],
    },
    {
      name: 'when no origin reaches the target, a DNS failure counts',
      days: { [TODAY]: [{ checkId: 'a.one', pass: 5, fail: 5, failures: [span('2026-11-24T13:00:00Z', '2026-11-24T14:00:00Z', 5, 'dns')] }] },
      uptime7: 50, mark: 'f', counts: [5, 0, 5, 0, 0, 0],
    },
    {
      name: 'only failures left out: no uptime, an explained day',
      days: { [TODAY]: [{ checkId: 'a.one', fail: 2, failures: [span('2026-11-24T01:00:00Z', '2026-11-24T02:00:00Z', 2, 'dns')] }] },
      baseline: [{ check: 'a.one', failureClass: 'dns', reason: 'r', doc: '/x/', since: '2025-09-18' }],
      uptime7: null, mark: 'x', counts: [0, 0, 0, 0, 0, 2],
    },
  ])('$name', ({ days, uptime7, mark, counts, ...options }) => {
    const result = figures(days as Record<string, BucketOverrides[]>, options as { baseline?: BaselineEntry[]; windows?: unknown[] });
    expect(result.uptime['7d']).toBe(uptime7);
    expect(result.days.at(-1)).toEqual(counts);
    expect(result.history.at(-1)).toBe(mark);
    expect(dayMark(result.days.at(-1)!)).toBe(mark);
  });

  test('24 h counts today and the part of yesterday after the cutoff; older days only count in 7 d', () => {
    const result = figures({
      '2026-11-20': [{ checkId: 'a.one', fail: 10, failures: [span('2026-11-20T01:00:00Z', '2026-11-20T02:00:00Z', 10, 'http_status:500')] }],
      // Yesterday: 24 passes spread over the day, half of them after the cutoff (15:00); a failure before it.
      [YESTERDAY]: [{ checkId: 'a.one', pass: 24, fail: 1, firstAt: '2026-11-23T03:00:00Z', lastAt: '2026-11-24T03:00:00Z', failures: [span('2026-11-23T05:00:00Z', '2026-11-23T05:00:00Z', 1, 'http_status:500')] }],
      [TODAY]: [{ checkId: 'a.one', pass: 12, fail: 2, lastAt: '2026-11-24T14:30:00Z', failures: [span('2026-11-24T10:00:00Z', '2026-11-24T10:30:00Z', 2, 'http_status:500')] }],
    });
    // 24 h: 12 + 24 × (12 h / 24 h) = 24 up, 2 down.
    expect(result.uptime['24h']).toBe(92.308);
    expect(result.uptime['7d']).toBe(Math.round((36 / 49) * 100_000) / 1000);
    expect(result.history).toBe('--f--ff');
  });

  test('real evidence decides; a check with only demo runs is computed over them and says so', () => {
    const history = [makeHistoryDay(TODAY, [{ checkId: 'a.one', pass: 10 }, { checkId: 'a.one', target: 'demo', provenance: 'demo', fail: 10 }, { checkId: 'b.two', target: 'demo', provenance: 'demo', pass: 3, fail: 1 }])];
    const byCheck = summariseHistory(history, { now: NOW, days: 7 });
    expect([byCheck.get('a.one')!.uptime['7d'], byCheck.get('a.one')!.uptimeProvenance]).toEqual([100, 'real']);
    expect([byCheck.get('b.two')!.uptime['7d'], byCheck.get('b.two')!.uptimeProvenance]).toEqual([75, 'demo']);
  });

  test('the flake rate: runs that passed only after a retry or flipped, over the last 7 days', () => {
    expect(figures({ [TODAY]: [{ checkId: 'a.one', pass: 16, fail: 4, unstable: 5, failures: [] }] }).flakeRate).toBe(25);
    expect(figures({ [TODAY]: [{ checkId: 'a.one', pass: 20 }] }).flakeRate).toBe(0);
    const noRuns = summariseHistory([makeHistoryDay('2026-10-01', [{ checkId: 'a.one', pass: 5 }])], { now: NOW, days: 7 });
    expect(noRuns.size).toBe(0);
  });
});
