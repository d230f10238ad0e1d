import type { BaselineEntry } from '../schemas/baseline.ts';
import { parseFailureKey, type DailyBucket, type DailyHistory, type FailureSpan } from '../schemas/history.ts';
import type { Provenance } from '../schemas/provenance.ts';
import { findBaseline, isExpectedFailure } from './baseline.ts';
import { utcDate } from './history.ts';
import { coveredFraction, type MaintenanceInterval } from './maintenance.ts';
import type { DayCounts, Uptime } from './model.ts';

/**
 * Uptime, the 90-day bar and the flake rate of each check, from the daily history buckets (issue 28). Build cost
 * follows checks × days, never the number of runs: every figure comes from the buckets ingest wrote.
 */

/** The formula, as /status writes it. */
export const UPTIME_FORMULA =
  'uptime = (passing + degraded runs) ÷ (passing + degraded runs + failures that count), over every target and origin. ' +
  'Failures that do not count: those in a maintenance window of the check, those the baseline expects, and an origin’s ' +
  'reachability failures (DNS, refused connection, timeout before any answer) on a day another origin reached the same target. ' +
  'A pass after a retry (flaky) is a pass. 24 h counts the runs of the last 24 hours (yesterday’s passes pro rata); ' +
  '7 d, 30 d and 90 d count the last 7, 30 and 90 UTC days, today included.';

/** What /status shows of one check's history. */
export interface CheckHistory {
  /** One mark per day, oldest first (see `dayMark`). */
  history: string;
  days: DayCounts[];
  uptime: Uptime;
  uptimeProvenance: Provenance;
  flakeRate: number | null;
}

export interface HistoryOptions {
  now: Date;
  /** Days in the bar (and the longest uptime window). */
  days: number;
  baseline?: readonly BaselineEntry[];
  /** Openings of maintenance windows over the bar's days. */
  maintenance?: readonly MaintenanceInterval[];
}

/** Index of each count in a day's tuple. */
export const DAY = { pass: 0, degraded: 1, fail: 2, flaky: 3, maintenance: 4, expected: 5 } as const;

/** p pass, y flaky, d degraded, f a failure that counts, m maintenance, x only failures left out, - no runs. */
export type DayMark = 'p' | 'y' | 'd' | 'f' | 'm' | 'x' | '-';

/** The mark of a day: a counted failure wins, then maintenance, degraded, flaky, a pass; a day of left-out failures is `x`. */
export function dayMark(day: DayCounts): DayMark {
  const [pass, degraded, fail, flaky, maintenance, expected] = day;
  if (pass + degraded + fail + maintenance + expected === 0) return '-';
  if (fail > 0) return 'f';
  if (maintenance > 0) return 'm';
  if (degraded > 0) return 'd';
  if (flaky > 0) return 'y';
  return pass > 0 ? 'p' : 'x';
}

/** Runs a day's tuple counts. */
export function dayRuns(day: DayCounts): number {
  return day[DAY.pass] + day[DAY.degraded] + day[DAY.fail] + day[DAY.maintenance] + day[DAY.expected];
}

/** Uptime in percent with 3 decimals; null when no run counts. */
export function uptimePercent(up: number, down: number): number | null {
  return up + down === 0 ? null : Math.round((up / (up + down)) * 100_000) / 1000;
}

/** Failures that mean "could not get there from here" (as src/status/reachability.ts reads a record). */
function isReachability(span: FailureSpan): boolean {
  const parsed = parseFailureKey(span.key);
  return parsed !== undefined && (parsed.failureClass === 'dns' || parsed.failureClass === 'tcp_refused' || (parsed.failureClass === 'timeout' && parsed.status === undefined));
}

/** The bucket's failures as spans; a bucket written before spans were kept is one span over its day, of no known kind. */
function spansOf(bucket: DailyBucket): FailureSpan[] {
  if (bucket.failures) return bucket.failures;
  const count = bucket.fail + bucket.error;
  return count > 0 ? [{ from: bucket.firstAt, to: bucket.lastAt, count }] : [];
}

/** Share of [from, to] (a point when equal) that lies in [lo, hi]. */
function shareIn(from: number, to: number, lo: number, hi: number): number {
  if (to <= from) return from >= lo && from <= hi ? 1 : 0;
  return Math.max(0, Math.min(to, hi) - Math.max(from, lo)) / (to - from);
}

interface Split {
  fail: number;
  maintenance: number;
  expected: number;
}

/** Splits a bucket's failures within [lo, hi] into those that count, those in maintenance and those expected. */
function splitFailures(bucket: DailyBucket, options: HistoryOptions, isReachedElsewhere: boolean, lo = -Infinity, hi = Infinity): Split {
  const split: Split = { fail: 0, maintenance: 0, expected: 0 };
  const entry = findBaseline(options.baseline ?? [], bucket);
  for (const span of spansOf(bucket)) {
    const [from, to] = [Date.parse(span.from), Date.parse(span.to)];
    const count = span.count * shareIn(from, to, lo, hi);
    if (count === 0) continue;
    const parsed = parseFailureKey(span.key);
    if (entry && parsed && isExpectedFailure(entry, { failureClass: parsed.failureClass, measured: { status: parsed.status } })) {
      split.expected += count;
      continue;
    }
    const inWindow = count * coveredFraction(options.maintenance ?? [], bucket, Math.max(from, lo), Math.min(to, hi));
    split.maintenance += inWindow;
    if (isReachedElsewhere && isReachability(span)) split.expected += count - inWindow;
    else split.fail += count - inWindow;
  }
  return split;
}

/** The provenance a check's history is read in: real when any bucket is real, else demo, else sample. */
function basisOf(buckets: readonly DailyBucket[]): Provenance {
  for (const provenance of ['real', 'demo', 'sample'] as const) if (buckets.some((bucket) => bucket.provenance === provenance)) return provenance;
  return 'real';
}

const HOUR = 3_600_000;

/** The window's buckets by check, and the origins that got an answer per check × target × provenance × day. */
function groupBuckets(history: readonly DailyHistory[], dayIndex: ReadonlyMap<string, number>) {
  const byCheck = new Map<string, { date: string; bucket: DailyBucket }[]>();
  // Another origin's DNS failure on a day some origin reached the same target is that origin's own limitation.
  const reached = new Map<string, Set<string>>();
  for (const day of history) {
    if (!dayIndex.has(day.date)) continue;
    for (const bucket of day.buckets) {
      const entries = byCheck.get(bucket.checkId) ?? [];
      if (entries.length === 0) byCheck.set(bucket.checkId, entries);
      entries.push({ date: day.date, bucket });
      if (bucket.pass + bucket.degraded > 0) {
        const key = `${bucket.checkId}|${bucket.target}|${bucket.provenance}|${day.date}`;
        reached.set(key, (reached.get(key) ?? new Set()).add(bucket.origin));
      }
    }
  }
  return { byCheck, reached };
}

/** Per check id: its bar, uptime over 24 h / 7 d / 30 d / 90 d, and flake rate, over the last `days` UTC days. */
export function summariseHistory(history: readonly DailyHistory[], options: HistoryOptions): Map<string, CheckHistory> {
  const { now, days } = options;
  const dayIndex = new Map<string, number>();
  for (let i = 0; i < days; i++) dayIndex.set(utcDate(now, days - 1 - i), i);
  const { byCheck, reached } = groupBuckets(history, dayIndex);
  const result = new Map<string, CheckHistory>();
  const cutoff = now.getTime() - 24 * HOUR;
  for (const [checkId, entries] of byCheck) {
    const basis = basisOf(entries.map((entry) => entry.bucket));
    const counts: DayCounts[] = Array.from({ length: days }, () => [0, 0, 0, 0, 0, 0]);
    const last24 = { up: 0, down: 0 };
    const flake = { unstable: 0, runs: 0 };
    for (const { date, bucket } of entries) {
      if (bucket.provenance !== basis) continue;
      const index = dayIndex.get(date)!;
      const elsewhere = [...(reached.get(`${bucket.checkId}|${bucket.target}|${bucket.provenance}|${date}`) ?? [])].some((origin) => origin !== bucket.origin);
      const split = splitFailures(bucket, options, elsewhere);
      const day = counts[index]!;
      day[DAY.pass] += bucket.pass;
      day[DAY.degraded] += bucket.degraded;
      day[DAY.flaky] += bucket.flaky;
      day[DAY.fail] += split.fail;
      day[DAY.maintenance] += split.maintenance;
      day[DAY.expected] += split.expected;
      if (index >= days - 7) {
        flake.unstable += bucket.unstable;
        flake.runs += bucket.pass + bucket.degraded + bucket.fail + bucket.error;
      }
      if (Date.parse(bucket.lastAt) >= cutoff) {
        const share = shareIn(Date.parse(bucket.firstAt), Date.parse(bucket.lastAt), cutoff, now.getTime());
        last24.up += (bucket.pass + bucket.degraded) * share;
        last24.down += splitFailures(bucket, options, elsewhere, cutoff, now.getTime()).fail;
      }
    }
    // Pro-rated parts are whole runs again in the published counts.
    for (const day of counts) for (const i of [DAY.fail, DAY.maintenance, DAY.expected]) day[i] = Math.round(day[i]);
    const window = (n: number) => counts.slice(-n).reduce((sum, day) => ({ up: sum.up + day[DAY.pass] + day[DAY.degraded], down: sum.down + day[DAY.fail] }), { up: 0, down: 0 });
    const [d7, d30, d90] = [window(7), window(30), window(days)];
    result.set(checkId, {
      history: counts.map(dayMark).join(''),
      days: counts,
      uptime: { '24h': uptimePercent(last24.up, last24.down), '7d': uptimePercent(d7.up, d7.down), '30d': uptimePercent(d30.up, d30.down), '90d': uptimePercent(d90.up, d90.down) },
      uptimeProvenance: basis,
      flakeRate: flake.runs === 0 ? null : Math.round((flake.unstable / flake.runs) * 1000) / 10,
    });
  }
  return result;
}

/** The history of a check with no buckets in the window. */
export function emptyHistory(days: number): CheckHistory {
  return { history: '-'.repeat(days), days: Array.from({ length: days }, () => [0, 0, 0, 0, 0, 0] as DayCounts), uptime: { '24h': null, '7d': null, '30d': null, '90d': null }, uptimeProvenance: 'real', flakeRate: null };
}
