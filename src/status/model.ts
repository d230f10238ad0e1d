import type { BaselineEntry } from '../schemas/baseline.ts';
import type { CheckBase } from '../schemas/check-base.ts';
import type { FailureClass, EvidenceRecord, Verdict } from '../schemas/evidence.ts';
import type { DailyHistory } from '../schemas/history.ts';
import type { OutstandingItem } from '../schemas/outstanding.ts';
import type { LatestEvidence } from './latest.ts';

/** status.json and the model carry this so consumers can refuse a shape they do not know. */
export const STATUS_SCHEMA_VERSION = 1 as const;

/**
 * What a reader is told about one check × target × origin, worst first. `stale` and `missing` say the
 * evidence is too old or absent to tell; `limited` is a failure explained by where the probe ran.
 */
export const ROW_STATES = ['error', 'fail', 'degraded', 'stale', 'missing', 'expected-fail', 'limited', 'pass'] as const;
export type RowState = (typeof ROW_STATES)[number];

/** States that make a page carry a caution banner. */
export const ATTENTION_STATES: ReadonlySet<RowState> = new Set(['error', 'fail', 'degraded', 'stale', 'missing']);

/** The check fields the status page needs; `CheckBase` from content/checks satisfies it. */
export type StatusCheck = Pick<CheckBase, 'id' | 'title' | 'freshness'> & Partial<Pick<CheckBase, 'group' | 'docs' | 'description'>>;

/** Measured values worth a table cell, copied out of the record so the model stays small. */
export interface MeasuredDigest {
  status?: number;
  latencyMs?: number;
  protocolVersion?: string;
  toolCount?: number;
  toolsByServer?: Record<string, number>;
  pingCount?: number;
}

/** Latest evidence for one check × target × origin, judged. */
export interface StatusRow {
  checkId: string;
  target: string;
  origin: string;
  state: RowState;
  /** Verdict after the baseline: a baselined failure reads `expected-fail`. */
  verdict: Verdict;
  failureClass: FailureClass | null;
  finishedAt: string;
  ageMs: number;
  isStale: boolean;
  /** Start of the current run of this verdict (pass vs not pass), from the records seen. */
  since: string;
  runId: string;
  /** `file:line` of an imported log, when the record came from one. */
  importedFrom?: string;
  summary: string;
  measured: MeasuredDigest;
  /** Id of the baseline entry that matched. */
  baselineId?: string;
  /** The record passes although a baseline entry expects it to fail. */
  isBaselineStale: boolean;
  /** Set when the failure is a limitation of this origin rather than an outage. */
  limitation?: { failureClass: FailureClass; passingOrigins: string[] };
}

/** One check with its rows and a one-word rollup. */
export interface CheckStatus {
  id: string;
  title: string;
  group: string;
  docs?: string;
  freshnessMs: number;
  /** Worst row state; `missing` when no evidence exists. */
  state: RowState;
  /** Earliest `since` among the rows in the rollup state. */
  since?: string;
  /** Newest evidence among the rows. */
  lastAt?: string;
  rows: StatusRow[];
  /** One character per day, oldest first: p pass, d degraded, f fail/error, - no data. */
  history: string;
  /** The check is referenced by evidence but not defined in content/checks. */
  isUnknown: boolean;
}

export interface GroupStatus {
  id: string;
  state: RowState;
  checks: CheckStatus[];
}

/** A baseline entry and whether the evidence still needs it. */
export interface BaselineStatus {
  id: string;
  entry: BaselineEntry;
  /** `active`: a matching record fails; `stale`: all matching fresh records pass; `unmatched`: no evidence. */
  state: 'active' | 'stale' | 'unmatched';
}

/** A failure from one origin explained by another origin passing the same check × target. */
export interface OriginLimitation {
  checkId: string;
  target: string;
  origin: string;
  failureClass: FailureClass;
  passingOrigins: string[];
  since: string;
}

/** Tools added, removed or changed between the two latest runs of one target × origin. */
export interface DriftEntry {
  target: string;
  origin: string;
  fromRun: string;
  toRun: string;
  added: string[];
  removed: string[];
  changed: string[];
}

export interface OutstandingStatus {
  item: OutstandingItem;
  closes: { check: string; target?: string; origin?: string; state: RowState }[];
  isReadyToClose: boolean;
}

export interface UnparseableNote {
  file: string;
  line?: number;
  reason: string;
}

export interface StatusSummary {
  counts: Record<RowState, number>;
  checks: number;
  rows: number;
  /** The least recently verified row. */
  oldest?: { checkId: string; target: string; origin: string; finishedAt: string; ageMs: number };
}

export interface StatusModel {
  schemaVersion: typeof STATUS_SCHEMA_VERSION;
  generatedAt: string;
  summary: StatusSummary;
  groups: GroupStatus[];
  checks: Map<string, CheckStatus>;
  drift: DriftEntry[];
  baseline: BaselineStatus[];
  limitations: OriginLimitation[];
  outstanding: OutstandingStatus[];
  unparseable: UnparseableNote[];
  /** First and last day the history strings cover (UTC dates). */
  historyRange: { from: string; to: string; days: number };
}

/** Everything the status module reads. Collections, files and the clock are the caller's business. */
export interface StatusInput {
  now: Date;
  checks: StatusCheck[];
  /** Records to judge (imports, tests); merged with `digest`, the newer record of a row winning. */
  records?: EvidenceRecord[];
  /** Latest rows and drift already distilled from the raw runs (src/status/evidence-digest.ts). */
  digest?: { latest: LatestEvidence[]; drift: DriftEntry[] };
  history?: DailyHistory[];
  /** History marks already computed per check (src/status/history.ts); wins over `history`. */
  historyMarks?: { from: string; to: string; byCheck: Map<string, string> };
  baseline?: BaselineEntry[];
  outstanding?: OutstandingItem[];
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
