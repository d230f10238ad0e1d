import { CHECK_ID_PATTERN } from '../schemas/check-id.ts';
import { ATTENTION_STATES, worstState, type CheckStatus, type RowState, type StatusModel } from './model.ts';

const DIRECTIVE = new RegExp(`:check\\[(${CHECK_ID_PATTERN})\\]`, 'g');

/** Check ids named by `:check[…]` directives in a Markdown body. */
export function directiveChecks(body: string): string[] {
  return [...body.matchAll(DIRECTIVE)].map((match) => match[1]!);
}

/** The checks backing a page: its frontmatter list plus inline directives, each once. */
export function pageChecks(frontmatterChecks: readonly string[], body = ''): string[] {
  return [...new Set([...frontmatterChecks, ...directiveChecks(body)])];
}

/** One check a page relies on, in a state that needs a reader's attention. */
export interface PageProblem {
  checkId: string;
  state: RowState;
  /** When it entered this state: failing since, stale since (last evidence + window), missing: undefined. */
  since?: string;
}

/** What a page says about its evidence: the problems for a caution banner, or where it was last verified. */
export interface PageEvidence {
  state: RowState;
  problems: PageProblem[];
  /** Newest passing evidence among the page's checks, for "verified <age> ago from <origin>". */
  verified?: { finishedAt: string; ageMs: number; origins: string[]; targets: string[] };
}

function problemOf(check: CheckStatus | undefined, checkId: string): PageProblem | undefined {
  if (!check || check.rows.length === 0) return { checkId, state: 'missing' };
  if (!ATTENTION_STATES.has(check.state)) return undefined;
  if (check.state === 'stale') {
    // Only the stale rows say since when: a fresh row from another origin must not push the date forward.
    const stale = check.rows.filter((row) => row.state === 'stale');
    const newest = Math.max(...(stale.length ? stale : check.rows).map((row) => Date.parse(row.finishedAt)));
    return { checkId, state: 'stale', since: new Date(newest + check.freshnessMs).toISOString() };
  }
  return { checkId, state: check.state, since: check.since };
}

/** Judges the evidence behind one page. */
export function judgePage(model: Pick<StatusModel, 'checks'>, checkIds: readonly string[]): PageEvidence {
  const checks = checkIds.map((id) => model.checks.get(id));
  const problems = checkIds.flatMap((id, i) => problemOf(checks[i], id) ?? []);
  const passing = checks.flatMap((check) => check?.rows.filter((row) => row.state === 'pass') ?? []);
  const newest = passing.sort((a, b) => a.ageMs - b.ageMs)[0];
  const sameRun = passing.filter((row) => row.runId === newest?.runId || row.ageMs === newest?.ageMs);
  const verified = newest && {
    finishedAt: newest.finishedAt,
    ageMs: newest.ageMs,
    origins: [...new Set(sameRun.map((row) => row.origin))],
    targets: [...new Set(sameRun.map((row) => row.target))],
  };
  return { state: worstState(checks.map((check, i) => check?.state ?? problemOf(check, checkIds[i]!)!.state)), problems, verified };
}
