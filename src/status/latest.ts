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

/** Records this close in time were made in one sitting (several commands of one capture session): meaning decides between them. */
export const SAME_MOMENT_MS = 60_000;

/**
 * How much a record can say about its check: a probe, or `codex doctor` (which loads the config and checks the
 * MCP setup), says more than `codex mcp get`, which says more than `codex mcp list` (both only read the config).
 */
export function evidenceStrength(record: Pick<EvidenceRecord, 'source'>): number {
  if (record.source.type === 'probe') return 2;
  if (record.source.kind === 'codex-doctor-json') return 2;
  if (record.source.kind.startsWith('codex-mcp-list')) return 0;
  return 1;
}

const SEVERITY: Record<EvidenceRecord['verdict'], number> = { pass: 0, 'expected-fail': 1, degraded: 2, fail: 3, error: 4 };

/**
 * Whether `a` stands for its check × target × origin rather than `b`: the newer one, unless both come from one
 * sitting, where the one that says more wins, then the newer, then the worse verdict. Never the file name.
 */
export function standsOver(a: EvidenceRecord, b: EvidenceRecord): boolean {
  const dt = timeOf(a.finishedAt) - timeOf(b.finishedAt);
  if (Math.abs(dt) > SAME_MOMENT_MS) return dt > 0;
  const strength = evidenceStrength(a) - evidenceStrength(b);
  if (strength !== 0) return strength > 0;
  if (dt !== 0) return dt > 0;
  return SEVERITY[a.verdict] >= SEVERITY[b.verdict];
}

/** Latest record per check × target × origin (see standsOver), with the start of its pass / not-pass streak. */
export function selectLatest(records: readonly EvidenceRecord[]): Map<string, LatestEvidence> {
  const sorted = [...records].sort(compareRecords);
  const latest = new Map<string, LatestEvidence>();
  for (const record of sorted) {
    const key = rowKey(record.checkId, record.target, record.origin);
    const previous = latest.get(key);
    if (previous && !standsOver(record, previous.record)) continue;
    const continues = previous !== undefined && (previous.record.verdict === 'pass') === (record.verdict === 'pass');
    latest.set(key, { record, since: continues ? previous.since : record.finishedAt });
  }
  return latest;
}
