import type { EvalRun } from '../schemas/eval-run.ts';
import { RUN_SUMMARY_FAILING_MAX, type RunSummary } from '../schemas/run-summary.ts';

const isFailing = (verdict: string): boolean => verdict === 'fail' || verdict === 'error';

/** Distils a validated run into its summary: head fields, verdict counts and a short list of failing checks. */
export function summariseRun(run: EvalRun): RunSummary {
  const verdicts: RunSummary['verdicts'] = {};
  const failing = new Set<string>();
  for (const record of run.records) {
    verdicts[record.verdict] = (verdicts[record.verdict] ?? 0) + 1;
    if (isFailing(record.verdict)) failing.add(record.checkId);
  }
  const sorted = [...failing].sort();
  return {
    schemaVersion: run.schemaVersion,
    runId: run.runId,
    origin: run.origin,
    environment: run.environment,
    baseUrl: run.baseUrl,
    override: run.override,
    provenance: run.provenance,
    toolVersion: run.toolVersion,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    recordCount: run.records.length,
    verdicts,
    failing: sorted.slice(0, RUN_SUMMARY_FAILING_MAX),
    failingMore: Math.max(0, sorted.length - RUN_SUMMARY_FAILING_MAX),
  };
}
