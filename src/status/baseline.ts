import { baselineEntryId, type BaselineEntry } from '../schemas/baseline.ts';
import type { EvidenceRecord } from '../schemas/evidence.ts';
import type { BaselineStatus } from './model.ts';

/** Does a baseline entry cover this record? An entry without target or origin covers all of them. */
export function baselineMatches(entry: BaselineEntry, record: Pick<EvidenceRecord, 'checkId' | 'target' | 'origin'>): boolean {
  return (
    entry.check === record.checkId &&
    (entry.target === undefined || entry.target === record.target) &&
    (entry.origin === undefined || entry.origin === record.origin)
  );
}

/** The most specific entry covering the record (target and origin set beat wildcards). */
export function findBaseline(entries: readonly BaselineEntry[], record: Pick<EvidenceRecord, 'checkId' | 'target' | 'origin'>): BaselineEntry | undefined {
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
