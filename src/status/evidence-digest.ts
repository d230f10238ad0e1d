import type { EvalRun } from '../schemas/eval-run.ts';
import type { DailyHistory } from '../schemas/history.ts';
import type { EvidenceRecord } from '../schemas/evidence.ts';
import { findDrift } from './drift.ts';
import type { RunHead } from './run-pages.ts';
import type { LatestEvidence } from './latest.ts';
import { timeOf } from './latest.ts';
import { rowKey, type DriftEntry } from './model.ts';
import { versionScope } from './versions.ts';

/**
 * Everything /status needs from the raw runs, in O(checks × targets × origins) space: the latest record
 * per row with the start of its streak, tool-catalog drift, and the heads of the runs read. Built by
 * reading runs newest first and stopping early, so build cost follows the number of checks, not the
 * number of retained runs (issue 7, DESIGN "Scale").
 */
export interface EvidenceDigest {
  /** `isOpen`: the streak began before the oldest run read (its `since` is that run's time). */
  latest: (LatestEvidence & { isOpen?: boolean })[];
  drift: DriftEntry[];
  runs: RunHead[];
  /** Runs read before the scan could stop, of how many listed. */
  scanned: number;
  listed: number;
}

interface Row {
  latest: LatestEvidence;
  isSettled: boolean;
}

/** Folds runs into a digest; runs must be added newest first. */
export class DigestBuilder {
  private readonly rows = new Map<string, Row>();
  private readonly toolRecords: EvidenceRecord[] = [];
  private readonly toolRuns = new Map<string, Set<string>>();
  private readonly heads: RunHead[] = [];
  /** Runs read that recorded versions, per target × origin: two tell whether the versions changed. */
  private readonly versionRuns = new Map<string, number>();
  private newestAt = 0;
  private oldestAt = Infinity;

  /** Adds one run that is older than (or as old as) every run added before. */
  add(run: EvalRun): void {
    const target = run.records[0]?.target;
    const head: RunHead = { runId: run.runId, environment: run.environment, origin: run.origin, finishedAt: run.finishedAt, provenance: run.provenance, ...(target ? { target } : {}), ...(run.gateway ? { gateway: run.gateway } : {}) };
    this.heads.push(head);
    if (head.gateway) this.versionRuns.set(versionScope(head), (this.versionRuns.get(versionScope(head)) ?? 0) + 1);
    const at = timeOf(run.finishedAt);
    this.newestAt = Math.max(this.newestAt, at);
    this.oldestAt = Math.min(this.oldestAt, at);
    const newestFirst = [...run.records].sort((a, b) => timeOf(b.finishedAt) - timeOf(a.finishedAt));
    for (const record of newestFirst) {
      this.foldRow(record);
      this.foldTools(record);
    }
  }

  private foldRow(record: EvidenceRecord): void {
    const key = rowKey(record.checkId, record.target, record.origin);
    const row = this.rows.get(key);
    if (!row) {
      // Only a streak of non-passes needs its start (banners say "failing since"); a pass settles at once.
      this.rows.set(key, { latest: { record, since: record.finishedAt }, isSettled: record.verdict === 'pass' });
      return;
    }
    if (timeOf(record.finishedAt) > timeOf(row.latest.record.finishedAt)) {
      // Runs overlap (run ids order by start): a newer record found late still becomes the latest.
      const continues = (record.verdict === 'pass') === (row.latest.record.verdict === 'pass');
      this.rows.set(key, { latest: { record, since: continues ? row.latest.since : record.finishedAt }, isSettled: continues ? row.isSettled : row.latest.record.verdict === 'pass' || record.verdict === 'pass' });
      return;
    }
    if (row.isSettled) return;
    if ((record.verdict === 'pass') === (row.latest.record.verdict === 'pass')) row.latest.since = record.finishedAt;
    else row.isSettled = true;
  }

  private foldTools(record: EvidenceRecord): void {
    if (!record.measured.tools) return;
    const scope = `${record.target}|${record.origin}`;
    const runs = this.toolRuns.get(scope) ?? new Set<string>();
    this.toolRuns.set(scope, runs);
    if (!runs.has(record.runId) && runs.size >= 2) return;
    runs.add(record.runId);
    this.toolRecords.push(record);
  }

  /**
   * True once every row in `expected` (rows recent history knows of) has been seen, every scope that lists
   * tools has two catalogs and every scope that records versions two runs with them, and every failing row has found where its streak began or `settleSpanMs` of
   * runs has been read; always true after `maxSpanMs`. Older streak starts come from history (`refineSince`).
   */
  isEnough(expected: ReadonlySet<string>, settleSpanMs: number, maxSpanMs: number): boolean {
    const span = this.newestAt - this.oldestAt;
    if (span >= maxSpanMs) return true;
    for (const key of expected) if (!this.rows.has(key)) return false;
    for (const runs of this.toolRuns.values()) if (runs.size < 2) return false;
    for (const count of this.versionRuns.values()) if (count < 2) return false;
    if (span >= settleSpanMs) return true;
    for (const row of this.rows.values()) if (!row.isSettled) return false;
    return true;
  }

  /** The digest of the runs added so far. */
  finish(listed: number): EvidenceDigest {
    return {
      latest: [...this.rows.values()].map((row) => ({ ...row.latest, ...(row.isSettled ? {} : { isOpen: true }) })),
      drift: findDrift(this.toolRecords),
      runs: this.heads,
      scanned: this.heads.length,
      listed,
    };
  }
}

/** Rows that recent history knows of: buckets from days whose last record is newer than `sinceMs`. */
export function expectedRows(history: readonly DailyHistory[], sinceMs: number): Set<string> {
  const keys = new Set<string>();
  for (const day of history) {
    for (const bucket of day.buckets) if (timeOf(bucket.lastAt) >= sinceMs) keys.add(rowKey(bucket.checkId, bucket.target, bucket.origin));
  }
  return keys;
}

/**
 * Moves the start of an open failing streak back over whole days of history with no pass, so a banner can
 * say "failing since" a day the raw runs read no longer cover.
 */
export function refineSince(digest: EvidenceDigest, history: readonly DailyHistory[]): EvidenceDigest {
  const days = [...history].sort((a, b) => (a.date < b.date ? 1 : -1));
  const latest = digest.latest.map((row) => {
    if (!row.isOpen) return row;
    const key = rowKey(row.record.checkId, row.record.target, row.record.origin);
    let since = row.since;
    for (const day of days) {
      if (day.date >= since.slice(0, 10)) continue;
      const bucket = day.buckets.find((b) => rowKey(b.checkId, b.target, b.origin) === key);
      if (!bucket || bucket.pass > 0) break;
      since = bucket.firstAt;
    }
    return { ...row, since };
  });
  return { ...digest, latest };
}
