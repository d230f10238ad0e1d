import { DEFAULT_FRESHNESS } from '../schemas/check-base.ts';
import { DurationSchema } from '../schemas/duration.ts';
import { judgeBaseline } from './baseline.ts';
import { findDrift } from './drift.ts';
import { DEFAULT_HISTORY_DAYS, utcDate } from './history.ts';
import { judgeIncidents } from './incidents.ts';
import { expandWindows, maintenanceStatuses } from './maintenance.ts';
import { judgeOverall } from './overall.ts';
import { emptyHistory, summariseHistory, type CheckHistory } from './uptime.ts';
import { selectLatest, standsOver, type LatestEvidence } from './latest.ts';
import {
  PASSING_STATES,
  ROW_STATES,
  STATUS_SCHEMA_VERSION,
  rowKey,
  worstState,
  type CheckStatus,
  type GroupStatus,
  type OriginLimitation,
  type RowState,
  type StatusCheck,
  type StatusInput,
  type StatusModel,
  type StatusRow,
  type StatusSummary,
} from './model.ts';
import { judgeOutstanding } from './outstanding.ts';
import { findOriginLimitations } from './reachability.ts';
import { applyLimitation, applyMaintenance, judgeRow } from './rows.ts';
import { gatewayVersions, markVersionChanges } from './versions.ts';

const DEFAULT_FRESHNESS_MS = DurationSchema.parse(DEFAULT_FRESHNESS);

/** Evidence in, verdicts out: the whole status page as data. */
export function summariseStatus(input: StatusInput): StatusModel {
  const { now } = input;
  const records = input.records ?? [];
  const baseline = input.baseline ?? [];
  const checksById = new Map(input.checks.map((check) => [check.id, check]));
  const latest = mergeLatest(input.digest?.latest ?? [], selectLatest(records));
  const freshnessOf = (checkId: string) => checksById.get(checkId)?.freshness ?? DEFAULT_FRESHNESS_MS;
  const days = input.historyDays ?? DEFAULT_HISTORY_DAYS;
  const windows = expandWindows(input.maintenance ?? [], now.getTime() - days * 86_400_000, now.getTime() + 1);
  const heads = input.digest?.runs ?? [];
  const gatewayOf = new Map(heads.flatMap((head) => (head.gateway ? [[head.runId, head.gateway] as const] : [])));
  const judged = new Map<string, StatusRow>();
  for (const [key, evidence] of latest) {
    const { checkId } = evidence.record;
    const row = applyMaintenance(judgeRow(evidence, freshnessOf(checkId), baseline, now, checksById.get(checkId)?.sourceHash), windows);
    const gateway = gatewayOf.get(row.runId);
    judged.set(key, gateway ? { ...row, gateway } : row);
  }
  const scoped = findOriginLimitations(
    [...latest.values()].map((evidence) => evidence.record),
    (key) => PASSING_STATES.has(judged.get(key)?.state ?? 'missing'),
  );
  const rows = [...judged].map(([key, row]) => applyLimitation(row, scoped.get(key)));
  const history = input.historyDigest ?? {
    from: utcDate(now, days - 1),
    to: utcDate(now),
    byCheck: summariseHistory(input.history ?? [], { now, days, baseline, maintenance: windows }),
  };
  const checks = buildChecks(input.checks, rows, (id) => history.byCheck.get(id) ?? emptyHistory(days), freshnessOf);
  const ids = [...checks.keys()];
  return {
    schemaVersion: STATUS_SCHEMA_VERSION,
    generatedAt: now.toISOString(),
    overall: judgeOverall(checks.values()),
    summary: summarise(checks),
    groups: groupChecks(checks),
    checks,
    drift: markVersionChanges([...(input.digest?.drift ?? []), ...findDrift(records)], heads),
    versions: gatewayVersions(heads),
    baseline: judgeBaseline(baseline, rows.map((row) => ({ baselineId: row.baselineId, isPass: row.verdict === 'pass', isStale: row.isStale }))),
    limitations: listLimitations(rows),
    outstanding: judgeOutstanding(input.outstanding ?? [], rows),
    unparseable: input.unparseable ?? [],
    incidents: judgeIncidents(input.incidents ?? [], ids),
    maintenance: maintenanceStatuses(input.maintenance ?? [], now, ids, days),
    historyRange: { from: history.from, to: history.to, days },
  };
}

/** Latest evidence per row from a digest and from loose records; the newer record of a row wins. */
function mergeLatest(digested: readonly LatestEvidence[], loose: Map<string, LatestEvidence>): Map<string, LatestEvidence> {
  const merged = new Map(loose);
  for (const evidence of digested) {
    const { checkId, target, origin } = evidence.record;
    const key = rowKey(checkId, target, origin);
    const other = merged.get(key);
    if (!other || standsOver(evidence.record, other.record)) merged.set(key, evidence);
  }
  return merged;
}

/** Group of a check: its own, else the id's first word (`mcp.tools-list` → `mcp`). */
export function groupOf(check: Pick<StatusCheck, 'id' | 'group'>): string {
  return check.group ?? check.id.split('.')[0]!;
}

function buildChecks(
  defined: readonly StatusCheck[],
  rows: readonly StatusRow[],
  historyOf: (id: string) => CheckHistory,
  freshnessOf: (id: string) => number,
): Map<string, CheckStatus> {
  const rowsByCheck = new Map<string, StatusRow[]>();
  for (const row of rows) rowsByCheck.set(row.checkId, [...(rowsByCheck.get(row.checkId) ?? []), row]);
  const ids = [...new Set([...defined.map((check) => check.id), ...rowsByCheck.keys()])];
  const definedById = new Map(defined.map((check) => [check.id, check]));
  const checks = new Map<string, CheckStatus>();
  for (const id of ids) {
    const check = definedById.get(id);
    const checkRows = (rowsByCheck.get(id) ?? []).sort((a, b) => rowKey('', a.target, a.origin).localeCompare(rowKey('', b.target, b.origin)));
    const state = worstState(checkRows.map((row) => row.state));
    const inState = checkRows.filter((row) => row.state === state);
    const decider = inState.reduce<StatusRow | undefined>((newest, row) => (newest === undefined || row.ageMs < newest.ageMs ? row : newest), undefined);
    checks.set(id, {
      id,
      title: check?.title ?? id,
      group: groupOf(check ?? { id }),
      docs: check?.docs,
      freshnessMs: freshnessOf(id),
      state,
      since: inState.map((row) => row.since).sort()[0],
      lastAt: checkRows.map((row) => row.finishedAt).sort().at(-1),
      ...(decider ? { decidedBy: { target: decider.target, origin: decider.origin, finishedAt: decider.finishedAt, ageMs: decider.ageMs, provenance: decider.provenance } } : {}),
      rows: checkRows,
      ...historyOf(id),
      isUnknown: check === undefined,
    });
  }
  return checks;
}

function groupChecks(checks: ReadonlyMap<string, CheckStatus>): GroupStatus[] {
  const groups = new Map<string, CheckStatus[]>();
  for (const check of checks.values()) groups.set(check.group, [...(groups.get(check.group) ?? []), check]);
  return [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, members]) => {
      const sorted = members.sort((a, b) => a.id.localeCompare(b.id));
      return { id, state: worstState(sorted.map((check) => check.state)), checks: sorted };
    });
}

function summarise(checks: ReadonlyMap<string, CheckStatus>): StatusSummary {
  const counts = Object.fromEntries(ROW_STATES.map((state) => [state, 0])) as Record<RowState, number>;
  const provenance = { real: 0, demo: 0, sample: 0 };
  let rows = 0;
  let oldest: StatusSummary['oldest'];
  for (const check of checks.values()) {
    if (check.rows.length === 0) counts.missing++;
    for (const row of check.rows) {
      counts[row.state]++;
      provenance[row.provenance]++;
      rows++;
      if (!oldest || row.ageMs > oldest.ageMs) {
        oldest = { checkId: row.checkId, target: row.target, origin: row.origin, finishedAt: row.finishedAt, ageMs: row.ageMs };
      }
    }
  }
  return { counts, provenance, checks: checks.size, rows, oldest };
}

function listLimitations(rows: readonly StatusRow[]): OriginLimitation[] {
  return rows.flatMap((row) =>
    row.limitation ? [{ checkId: row.checkId, target: row.target, origin: row.origin, ...row.limitation, since: row.since }] : [],
  );
}
