import type { BaselineEntry } from '../schemas/baseline.ts';
import type { CheckBase } from '../schemas/check-base.ts';
import type { EvidenceRecord } from '../schemas/evidence.ts';
import type { DailyHistory } from '../schemas/history.ts';
import type { OutstandingItem } from '../schemas/outstanding.ts';
import type { CheckStatus, DriftEntry, RowState, StatusJson, UnparseableNote } from '../schemas/status.ts';
import { ROW_STATES } from '../schemas/status.ts';
import type { Incident } from '../schemas/incident.ts';
import type { MaintenanceWindow } from '../schemas/maintenance.ts';
import type { LatestEvidence } from './latest.ts';
import type { RunHead } from './run-pages.ts';
import type { CheckHistory } from './uptime.ts';

export { ROW_STATES, STATUS_SCHEMA_VERSION } from '../schemas/status.ts';
export type { BaselineStatus, CheckStatus, DayCounts, DriftEntry, GatewayVersions, GroupStatus, IncidentStatus, MaintenanceStatus, MeasuredDigest, OriginLimitation, Overall, OverallState, OutstandingStatus, RowState, StatusRow, StatusSummary, UnparseableNote, Uptime } from '../schemas/status.ts';

/** States that passed: a clean pass, or a pass after a retry (flaky). */
export const PASSING_STATES: ReadonlySet<RowState> = new Set(['pass', 'flaky']);

/** States that make a page carry a caution banner. */
export const ATTENTION_STATES: ReadonlySet<RowState> = new Set(['error', 'fail', 'degraded', 'stale', 'missing']);

/** The check fields the status page needs; `CheckBase` from content/checks satisfies it. */
export type StatusCheck = Pick<CheckBase, 'id' | 'title' | 'freshness'> &
  Partial<Pick<CheckBase, 'group' | 'docs' | 'description'>> & {
    /** A runbook block's current source hash (src/schemas/runbook.ts): evidence of another source is stale. */
    sourceHash?: string;
  };

/** The status model: what status.json publishes, plus every check by id for the pages. */
export interface StatusModel extends StatusJson {
  checks: Map<string, CheckStatus>;
}

/** Everything the status module reads. Collections, files and the clock are the caller's business. */
export interface StatusInput {
  now: Date;
  checks: StatusCheck[];
  /** Records to judge (imports, tests); merged with `digest`, the newer record of a row winning. */
  records?: EvidenceRecord[];
  /** Latest rows, drift and the heads of the runs read, already distilled from the raw runs (src/status/evidence-digest.ts). */
  digest?: { latest: LatestEvidence[]; drift: DriftEntry[]; runs?: readonly RunHead[] };
  history?: DailyHistory[];
  /** Each check's bar, uptime and flake rate already computed (src/status/uptime.ts); wins over `history`. */
  historyDigest?: { from: string; to: string; byCheck: Map<string, CheckHistory> };
  baseline?: BaselineEntry[];
  outstanding?: OutstandingItem[];
  /** content/incidents/*.md. */
  incidents?: Incident[];
  /** content/maintenance.yaml. */
  maintenance?: MaintenanceWindow[];
  unparseable?: UnparseableNote[];
  /** Days of history to show per check. */
  historyDays?: number;
}

/** Rank of a state: lower is worse. */
export function stateRank(state: RowState): number {
  return ROW_STATES.indexOf(state);
}

/** The worst of several states; `missing` for none. */
export function worstState(states: Iterable<RowState>): RowState {
  let worst: RowState | undefined;
  for (const state of states) if (worst === undefined || stateRank(state) < stateRank(worst)) worst = state;
  return worst ?? 'missing';
}

/** Key of a check × target × origin. */
export function rowKey(checkId: string, target: string, origin: string): string {
  return `${checkId}|${target}|${origin}`;
}
