import type { EvidenceRecord } from '../schemas/evidence.ts';
import { rowKey } from './model.ts';

/** The newest record of one check × target × origin and when its current streak began. */
export interface LatestEvidence {
  record: EvidenceRecord;
  /** finishedAt of the first record of the current pass / not-pass streak. */
  since: string;
}

/** Milliseconds of an ISO time; records carry offsets, so strings cannot be compared directly. */
export function timeOf(iso: string): number {
  return Date.parse(iso);
}

/** Orders records by finish time, then run id (run ids sort by time), so "latest" is deterministic. */
export function compareRecords(a: EvidenceRecord, b: EvidenceRecord): number {
  return timeOf(a.finishedAt) - timeOf(b.finishedAt) || (a.runId < b.runId ? -1 : a.runId > b.runId ? 1 : 0);
}

/** Latest record per check × target × origin, with the start of its pass / not-pass streak. */
export function selectLatest(records: readonly EvidenceRecord[]): Map<string, LatestEvidence> {
  const sorted = [...records].sort(compareRecords);
  const latest = new Map<string, LatestEvidence>();
  for (const record of sorted) {
    const key = rowKey(record.checkId, record.target, record.origin);
    const previous = latest.get(key);
    const continues = previous !== undefined && (previous.record.verdict === 'pass') === (record.verdict === 'pass');
    latest.set(key, { record, since: continues ? previous.since : record.finishedAt });
  }
  return latest;
}
