import type { BaselineEntry } from '../schemas/baseline.ts';
import { baselineEntryId } from '../schemas/baseline.ts';
import { passedAfterRetry, type EvidenceRecord } from '../schemas/evidence.ts';
import { findBaseline, isExpectedFailure } from './baseline.ts';
import type { LatestEvidence } from './latest.ts';
import { timeOf } from './latest.ts';
import type { MeasuredDigest, StatusRow } from './model.ts';
import type { OriginScoped } from './reachability.ts';
import { windowAt, type MaintenanceInterval } from './maintenance.ts';

/** The measured values a status table shows, without tool lists or raw arrays. */
export function digestMeasured(measured: EvidenceRecord['measured']): MeasuredDigest {
  const digest: MeasuredDigest = {};
  if (measured.status !== undefined) digest.status = measured.status;
  if (measured.latencyMs !== undefined) digest.latencyMs = Math.round(measured.latencyMs);
  if (measured.protocolVersion !== undefined) digest.protocolVersion = measured.protocolVersion;
  if (measured.tools !== undefined) digest.toolCount = measured.tools.length;
  if (measured.toolsByServer !== undefined) digest.toolsByServer = measured.toolsByServer;
  if (measured.pingCount !== undefined) digest.pingCount = measured.pingCount;
  return digest;
}

/**
 * Judges the latest record of one check × target × origin: staleness against the check's window (and, for a
 * runbook block, against its current source: evidence of commands since edited says nothing about the page),
 * then the baseline (a baselined failure reads `expected-fail`; a baselined pass is "baseline stale").
 */
export function judgeRow(latest: LatestEvidence, freshnessMs: number, baseline: readonly BaselineEntry[], now: Date, sourceHash?: string): StatusRow {
  const { record } = latest;
  const ageMs = Math.max(0, now.getTime() - timeOf(record.finishedAt));
  const isSourceChanged = sourceHash !== undefined && record.runbook !== undefined && record.runbook.sourceHash !== sourceHash;
  const isStale = ageMs > freshnessMs || isSourceChanged;
  const entry = findBaseline(baseline, record);
  const isPass = record.verdict === 'pass';
  // Only the failure an entry names is expected; any other failure of the check stays red.
  const verdict = entry && !isPass && isExpectedFailure(entry, record) ? 'expected-fail' : record.verdict;
  const row: StatusRow = {
    checkId: record.checkId,
    target: record.target,
    origin: record.origin,
    // A pass that needed a retry is flaky: shown and counted, never red (issue 28).
    state: isStale ? 'stale' : passedAfterRetry(record) ? 'flaky' : verdict,
    verdict,
    failureClass: record.failureClass,
    finishedAt: record.finishedAt,
    ageMs,
    isStale,
    since: latest.since,
    runId: record.runId,
    provenance: record.provenance,
    summary: record.summary,
    measured: digestMeasured(record.measured),
    isBaselineStale: entry !== undefined && isPass,
  };
  if (record.attempts) row.attempts = record.attempts.length;
  if (isSourceChanged) row.isSourceChanged = true;
  if (record.source.type === 'import') {
    const where = record.source.line ? `${record.source.file}:${record.source.line}` : record.source.file;
    // A capture of several streams says which one decided (stdout, stderr or the exit code).
    row.importedFrom = record.source.stream ? `${where} (${record.source.stream})` : where;
  }
  if (entry && (isPass || verdict === 'expected-fail')) row.baselineId = baselineEntryId(entry);
  return row;
}

/** Marks a fresh, not baselined failure as a limitation of its origin. */
export function applyLimitation(row: StatusRow, scoped: OriginScoped | undefined): StatusRow {
  if (!scoped || row.isStale) return row;
  const limitation = { failureClass: scoped.failureClass, passingOrigins: scoped.passingOrigins };
  return { ...row, limitation, state: row.state === 'expected-fail' ? row.state : 'limited' };
}

/** States a failure during a maintenance window turns into `maintenance` (a degraded answer is one too). */
const MAINTAINABLE = new Set(['fail', 'error', 'degraded']);

/** Marks a fresh, not baselined failure whose evidence was made during a maintenance window of its check. */
export function applyMaintenance(row: StatusRow, intervals: readonly MaintenanceInterval[]): StatusRow {
  if (!MAINTAINABLE.has(row.state)) return row;
  const window = windowAt(intervals, row, timeOf(row.finishedAt));
  return window ? { ...row, state: 'maintenance', maintenance: window.id } : row;
}
