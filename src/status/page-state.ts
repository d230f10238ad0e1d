import { CHECK_ID_PATTERN } from '../schemas/check-id.ts';
import type { Provenance } from '../schemas/provenance.ts';
import { activeIncidentsFor } from './incidents.ts';
import { ATTENTION_STATES, PASSING_STATES, stateRank, worstState, type CheckStatus, type IncidentStatus, type RowState, type StatusModel } from './model.ts';

const DIRECTIVE = new RegExp(`:check\\[(${CHECK_ID_PATTERN})\\]`, 'g');

/** Check ids named by `:check[…]` directives in a Markdown body. */
export function directiveChecks(body: string): string[] {
  return [...body.matchAll(DIRECTIVE)].map((match) => match[1]!);
}

/** The checks backing a page: its frontmatter list plus inline directives, each once. */
export function pageChecks(frontmatterChecks: readonly string[], body = ''): string[] {
  return [...new Set([...frontmatterChecks, ...directiveChecks(body)])];
}

/** One check × target × origin a page relies on, in a state that needs a reader's attention. */
export interface PageProblem {
  checkId: string;
  /** Where the problem was seen; absent when the check has no evidence at all. */
  target?: string;
  origin?: string;
  state: RowState;
  /** When it entered this state: failing since, stale since (evidence + freshness window); missing: undefined. */
  since?: string;
  /** Stale because the runbook block's commands changed since its evidence (since when is not known). */
  isSourceChanged?: boolean;
}

/** What a page says about its evidence: the problems for a banner, or where it was last verified, and from what. */
export interface PageEvidence {
  state: RowState;
  problems: PageProblem[];
  /** Failures that are explained (an expected failure, an origin's limitation): shown, but not as a problem. */
  notes: PageProblem[];
  /** Newest passing evidence among the page's checks, for "verified <age> ago against <target> from <origin>". */
  verified?: { finishedAt: string; ageMs: number; origins: string[]; targets: string[]; provenance: Provenance };
  /** Where the page's evidence comes from, row by row: a page with demo or sample evidence says so. */
  provenance: Provenance[];
  /** Active incidents that affect the page's checks (content/incidents/). */
  incidents: IncidentStatus[];
}

/** States shown in a note, not as a problem: explained failures, failures in maintenance, passes after a retry. */
const EXPLAINED: ReadonlySet<RowState> = new Set(['expected-fail', 'limited', 'maintenance', 'flaky']);

/** The rows of a check in one of `states`, each named; a check with no evidence is one `missing` problem. */
function rowsIn(check: CheckStatus | undefined, checkId: string, states: ReadonlySet<RowState>): PageProblem[] {
  if (!check || check.rows.length === 0) return states.has('missing') ? [{ checkId, state: 'missing' }] : [];
  return check.rows
    .filter((row) => states.has(row.state))
    .map((row) => ({
      checkId,
      target: row.target,
      origin: row.origin,
      state: row.state,
      ...(row.isSourceChanged && row.state === 'stale'
        ? { isSourceChanged: true }
        : { since: row.state === 'stale' ? new Date(Date.parse(row.finishedAt) + check.freshnessMs).toISOString() : row.since }),
    }));
}

/** Judges the evidence behind one page: its state is the worst of its checks' (the same states /status shows). */
export function judgePage(model: Pick<StatusModel, 'checks'> & Partial<Pick<StatusModel, 'incidents'>>, checkIds: readonly string[]): PageEvidence {
  const checks = checkIds.map((id) => model.checks.get(id));
  const problems = checkIds
    .flatMap((id, i) => rowsIn(checks[i], id, ATTENTION_STATES))
    .sort((a, b) => stateRank(a.state) - stateRank(b.state));
  const notes = checkIds.flatMap((id, i) => rowsIn(checks[i], id, EXPLAINED));
  const rows = checks.flatMap((check) => check?.rows ?? []);
  const passing = rows.filter((row) => PASSING_STATES.has(row.state));
  const newest = passing.sort((a, b) => a.ageMs - b.ageMs)[0];
  const sameRun = passing.filter((row) => row.runId === newest?.runId || row.ageMs === newest?.ageMs);
  const verified = newest && {
    finishedAt: newest.finishedAt,
    ageMs: newest.ageMs,
    origins: [...new Set(sameRun.map((row) => row.origin))],
    targets: [...new Set(sameRun.map((row) => row.target))],
    provenance: newest.provenance,
  };
  const provenance = [...new Set(rows.map((row) => row.provenance))].sort();
  const incidents = activeIncidentsFor(model.incidents ?? [], checkIds);
  return { state: worstState(checks.map((check) => check?.state ?? 'missing')), problems, notes, verified, provenance, incidents };
}
