import type { EvalRun, GatewayFingerprint } from '../schemas/eval-run.ts';
import type { EvidenceRecord } from '../schemas/evidence.ts';
import type { Provenance } from '../schemas/provenance.ts';
import { findBaseline, isExpectedFailure } from './baseline.ts';
import type { DriftEntry, RowState, StatusModel } from './model.ts';

/**
 * Which runs get an `/evidence/<run>` page, and what such a page shows in which order. Pure: the site's routes
 * and the status digest loader both call it, so the page list and the highlighted artifacts agree.
 */

/**
 * Evidence pages are built for this many latest runs per environment × origin (by default; the site reads
 * PROOFBOOK_EVIDENCE_RUNS), plus every run /status links to (each row's run, both runs of each drift entry).
 * Older retained runs are listed on /evidence/ without one.
 */
export const DEFAULT_EVIDENCE_RUNS_PER_SCOPE = 1;

/** Raw artifacts larger than this are cut on evidence pages (the full file stays in evaluation/). */
export const ARTIFACT_PREVIEW_BYTES = 16_384;

/** Artifacts beyond this many per run are listed but not highlighted, to keep one page's build bounded. */
export const HIGHLIGHTED_ARTIFACTS_PER_RUN = 12;

/** The run fields needed to choose which runs get an evidence page, and to tell what software answered each. */
export interface RunHead {
  runId: string;
  environment: string;
  origin: string;
  finishedAt: string;
  /** What the run's records name as their target (the environment, or `<env> (override <host>)`). */
  target?: string;
  /** The LiteLLM and Traefik versions the run recorded. */
  gateway?: GatewayFingerprint;
  /** Who answered the run: the versions of a `demo` run are the stand-in's claim. */
  provenance: Provenance;
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

type Artifact = EvidenceRecord['artifacts'][number];

/** A run's records in page order: failing first (their artifacts are the ones a reader opens), then by check id. */
export function pageRecords(run: EvalRun): EvidenceRecord[] {
  return [...run.records].sort((a, b) => Number(a.verdict === 'pass') - Number(b.verdict === 'pass') || a.checkId.localeCompare(b.checkId));
}

/** A run's artifacts in page order; the first {@link HIGHLIGHTED_ARTIFACTS_PER_RUN} are highlighted. */
export function pageArtifacts(run: EvalRun): { record: EvidenceRecord; artifact: Artifact; highlight: boolean }[] {
  return pageRecords(run)
    .flatMap((record) => record.artifacts.map((artifact) => ({ record, artifact })))
    .map((item, i) => ({ ...item, highlight: i < HIGHLIGHTED_ARTIFACTS_PER_RUN }));
}


/**
 * The state an evidence page shows for one of its run's records: the state /status shows when the record is still
 * the latest of its check × target × origin; otherwise its verdict as the baseline reads it, marked superseded.
 */
export function recordState(record: EvidenceRecord, model: Pick<StatusModel, 'checks' | 'baseline'>): { state: RowState; isLatest: boolean } {
  const row = model.checks.get(record.checkId)?.rows.find((candidate) => candidate.target === record.target && candidate.origin === record.origin);
  if (row && row.runId === record.runId) return { state: row.state, isLatest: true };
  const entry = findBaseline(model.baseline.map((status) => status.entry), record);
  const expected = entry !== undefined && record.verdict !== 'pass' && isExpectedFailure(entry, record);
  return { state: expected ? 'expected-fail' : record.verdict, isLatest: false };
}
