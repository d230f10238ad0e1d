import type { StatusModel } from './model.ts';

/** The run fields needed to choose which runs get an evidence page. */
export interface RunHead {
  runId: string;
  environment: string;
  origin: string;
  finishedAt: string;
}

/**
 * Run ids that get an `/evidence/<run>` page: the latest `perScope` runs per environment × origin, plus
 * every run a latest row points at. Older retained runs get none, so build cost follows checks, not history.
 */
export function selectEvidenceRuns(runs: readonly RunHead[], model: Pick<StatusModel, 'groups'>, perScope: number): Set<string> {
  const byScope = new Map<string, RunHead[]>();
  for (const run of runs) {
    const scope = `${run.environment}|${run.origin}`;
    byScope.set(scope, [...(byScope.get(scope) ?? []), run]);
  }
  const chosen = new Set<string>();
  for (const scoped of byScope.values()) {
    scoped.sort((a, b) => Date.parse(b.finishedAt) - Date.parse(a.finishedAt) || (a.runId < b.runId ? 1 : -1));
    for (const run of scoped.slice(0, perScope)) chosen.add(run.runId);
  }
  const known = new Set(runs.map((run) => run.runId));
  for (const group of model.groups) {
    for (const check of group.checks) for (const row of check.rows) if (known.has(row.runId)) chosen.add(row.runId);
  }
  return chosen;
}
