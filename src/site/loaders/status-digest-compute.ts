import path from 'node:path';
import { listHistoryFiles, readHistory } from '../../evidence/history-files.ts';
import { listRunFiles, readRun } from '../../evidence/run-files.ts';
import type { DailyHistory } from '../../schemas/history.ts';
import { mapLimit } from '../../util/map-limit.ts';
import { DigestBuilder, expectedRows, refineSince, type EvidenceDigest } from '../../status/evidence-digest.ts';
import { utcDate } from '../../status/history.ts';
import { expandWindows } from '../../status/maintenance.ts';
import { summariseHistory } from '../../status/uptime.ts';
import type { BaselineEntry } from '../../schemas/baseline.ts';
import type { MaintenanceWindow } from '../../schemas/maintenance.ts';
import type { StatusEvidence } from './stored-status-evidence.ts';

/**
 * The status digest's computation: everything the `statusEvidence` loader reads and validates from
 * evaluation/, as plain data.
 */

export interface DigestOptions {
  /** Stop looking for the start of failing streaks in raw runs after this much run time; history takes over. */
  settleSpanMs: number;
  /** Never read more than this much run time (rows not seen by then are shown from history as missing). */
  maxSpanMs: number;
  /** Days of history marks per check. */
  historyDays: number;
}

/** Content the history is judged against: failures the baseline expects and maintenance windows are left out of uptime. */
export interface DigestExclusions {
  baseline: BaselineEntry[];
  maintenance: MaintenanceWindow[];
}

/** What one sync reads from: the run files (oldest first) and the history files in the window. */
export interface DigestInputs {
  runFiles: string[];
  historyFiles: string[];
}

export async function listInputs(evaluationDir: string, now: Date, historyDays: number): Promise<DigestInputs> {
  const from = utcDate(now, historyDays - 1);
  const [runFiles, historyFiles] = await Promise.all([listRunFiles(evaluationDir), listHistoryFiles(evaluationDir)]);
  return { runFiles, historyFiles: historyFiles.filter((rel) => path.basename(rel, '.json') >= from) };
}

/** What one computation hands back to the loader. */
export interface DigestComputation {
  evidence: StatusEvidence;
  /** Inputs skipped, with the reason (file, line, field). */
  warnings: string[];
  rows: number;
  scanned: number;
  listed: number;
  historyDays: number;
}

/** The digest of the runs, newest first, read until the scan may stop. */
function readDigest(warnings: string[], evaluationDir: string, runFiles: readonly string[], options: DigestOptions, expected: ReadonlySet<string>): EvidenceDigest {
  const files = [...runFiles].reverse(); // run ids start with the time: newest first
  const builder = new DigestBuilder();
  for (const rel of files) {
    try {
      const run = readRun(evaluationDir, rel);
      builder.add(run);
    } catch (error) {
      warnings.push(`status: skipped ${(error as Error).message}`);
      continue;
    }
    if (builder.isEnough(expected, options.settleSpanMs, options.maxSpanMs)) break;
  }
  return builder.finish(files.length);
}

// Two files at a time: libuv's four-thread pool is the process's, and a read of every file at once would queue
// ahead of every file the rest of the build reads meanwhile.
async function readHistoryWindow(warnings: string[], evaluationDir: string, files: readonly string[]): Promise<DailyHistory[]> {
  const read = await mapLimit(files, 2, (rel) =>
    readHistory(evaluationDir, rel).catch((error: Error) => {
      warnings.push(`status: skipped ${error.message}`);
      return undefined;
    }),
  );
  return read.filter((day): day is DailyHistory => day !== undefined);
}

/** Reads the history window and the runs newest first, and distils them (see statusEvidenceLoader). */
export async function computeStatusEvidence(evaluationDir: string, inputs: DigestInputs, nowMs: number, options: DigestOptions, exclusions: DigestExclusions): Promise<DigestComputation> {
  const warnings: string[] = [];
  const now = new Date(nowMs);
  const history = await readHistoryWindow(warnings, evaluationDir, inputs.historyFiles);
  // Rows recent history knows of must be found in the runs before the scan may stop.
  const expected = expectedRows(history, nowMs - options.maxSpanMs);
  const scan = readDigest(warnings, evaluationDir, inputs.runFiles, options, expected);
  const digest = refineSince(scan, history);
  const days = options.historyDays;
  const maintenance = expandWindows(exclusions.maintenance, nowMs - days * 86_400_000, nowMs + 1);
  const byCheck = summariseHistory(history, { now, days, baseline: exclusions.baseline, maintenance });
  const evidence: StatusEvidence = { digest, history: { from: utcDate(now, days - 1), to: utcDate(now), byCheck: Object.fromEntries(byCheck) } };
  return {
    evidence,
    warnings,
    rows: digest.latest.length,
    scanned: digest.scanned,
    listed: digest.listed,
    historyDays: history.length,
  };
}
