import type { DriftEntry, StatusModel } from './model.ts';

/** The run fields needed to choose which runs get an evidence page. */
export interface RunHead {
  runId: string;
  environment: string;
  origin: string;
  finishedAt: string;
}

/** Run ids /status links to: the run of every row, and both runs of every tool-catalog drift entry. */
export function runsLinkedFrom(rows: Iterable<{ runId: string }>, drift: readonly Pick<DriftEntry, 'fromRun' | 'toRun'>[]): string[] {
  return [...[...rows].map((row) => row.runId), ...drift.flatMap((entry) => [entry.fromRun, entry.toRun])];
}

/** {@link runsLinkedFrom} a status model. */
export function linkedRunIds(model: Pick<StatusModel, 'groups' | 'drift'>): string[] {
  return runsLinkedFrom(model.groups.flatMap((group) => group.checks.flatMap((check) => check.rows)), model.drift);
}

/**
 * Run ids that get an `/evidence/<run>` page: the latest `perScope` runs per environment × origin, plus
 * every run in `cited` (the runs /status links to) that is listed. Older retained runs get none, so build
 * cost follows checks, not history.
 */
export function selectEvidenceRuns(runs: readonly RunHead[], cited: Iterable<string>, perScope: number): Set<string> {
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
  for (const runId of cited) if (known.has(runId)) chosen.add(runId);
  return chosen;
}
