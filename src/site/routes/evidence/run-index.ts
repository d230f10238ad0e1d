import type { RunSummary } from '../../../schemas/run-summary.ts';

/** Runs listed on /evidence/ at most; older retained runs are counted, not listed, to keep the page small. */
export const EVIDENCE_INDEX_MAX_RUNS = 500;

/** The newest `max` runs, newest first (by finish time, then id), and how many older ones were left out. */
export function newestRuns(runs: readonly RunSummary[], max: number = EVIDENCE_INDEX_MAX_RUNS): { shown: RunSummary[]; more: number } {
  const sorted = [...runs].sort((a, b) => Date.parse(b.finishedAt) - Date.parse(a.finishedAt) || (a.runId < b.runId ? 1 : a.runId > b.runId ? -1 : 0));
  return { shown: sorted.slice(0, max), more: Math.max(0, sorted.length - max) };
}
