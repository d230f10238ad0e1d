import { baselineEntryId, type BaselineEntry } from '../schemas/baseline.ts';
import type { EvidenceRecord } from '../schemas/evidence.ts';
import type { BaselineStatus } from './model.ts';

type Matched = Pick<EvidenceRecord, 'checkId' | 'target' | 'origin'>;

/** Does a baseline entry speak for this check × target × origin? An entry without target or origin covers all of them. */
export function baselineMatches(entry: BaselineEntry, record: Matched): boolean {
  return (
    entry.check === record.checkId &&
    (entry.target === undefined || entry.target === record.target) &&
    (entry.origin === undefined || entry.origin === record.origin)
  );
}

/** Is this the failure the entry expects: its class, and its status when it names one? Any other failure is real. */
export function isExpectedFailure(entry: BaselineEntry, record: Pick<EvidenceRecord, 'failureClass' | 'measured'>): boolean {
  return record.failureClass === entry.failureClass && (entry.status === undefined || record.measured.status === entry.status);
}

/** The most specific entry covering the record (target and origin set beat wildcards). */
export function findBaseline(entries: readonly BaselineEntry[], record: Matched): BaselineEntry | undefined {
  let best: BaselineEntry | undefined;
  let bestScore = -1;
  for (const entry of entries) {
    if (!baselineMatches(entry, record)) continue;
    const score = (entry.target ? 2 : 0) + (entry.origin ? 1 : 0);
    if (score > bestScore) [best, bestScore] = [entry, score];
  }
  return best;
}

/** A judged row as the baseline sees it: did it pass, and is its evidence fresh. */
export interface BaselineObservation {
  baselineId?: string;
  isPass: boolean;
  isStale: boolean;
}

/**
 * Per entry: `active` while a matched row still fails, `stale` when every fresh matched row passes
 * (the baseline should be updated), `unmatched` when no fresh evidence speaks to it.
 */
export function judgeBaseline(entries: readonly BaselineEntry[], rows: readonly BaselineObservation[]): BaselineStatus[] {
  return entries.map((entry) => {
    const id = baselineEntryId(entry);
    const fresh = rows.filter((row) => row.baselineId === id && !row.isStale);
    const state = fresh.length === 0 ? 'unmatched' : fresh.every((row) => row.isPass) ? 'stale' : 'active';
    return { id, entry, state };
  });
}

/**
 * The run as CI should judge it: a failing or erroring record that the baseline covers becomes `expected-fail`,
 * so a known limitation does not fail the job. Stored evidence keeps the raw verdict; /status applies the
 * baseline again against its own clock.
 */
export function markExpectedFailures<R extends Pick<EvidenceRecord, 'checkId' | 'target' | 'origin' | 'verdict' | 'summary' | 'failureClass' | 'measured'>>(
  records: readonly R[],
  entries: readonly BaselineEntry[],
): R[] {
  return records.map((record) => {
    if (record.verdict !== 'fail' && record.verdict !== 'error') return record;
    const entry = findBaseline(entries, record);
    return entry && isExpectedFailure(entry, record) ? { ...record, verdict: 'expected-fail', summary: `${record.summary} (expected: ${entry.reason})` } : record;
  });
}
