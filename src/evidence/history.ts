import path from 'node:path';
import { mapLimit } from '../util/map-limit.ts';
import type { EvalRun } from '../schemas/eval-run.ts';
import { EVIDENCE_SCHEMA_VERSION } from '../schemas/evidence.ts';
import { foldBucket, type DayRecord } from './day-bucket.ts';
import { DailyHistorySchema, type DailyBucket, type DailyHistory } from '../schemas/history.ts';
import { ProofbookInputError } from '../schemas/parse.ts';
import { parseJsonHistory } from './history-files.ts';
import { EvidencePathError, MAX_EVIDENCE_JSON_BYTES, readOptionalInside } from './inside-evaluation.ts';
import { writeFileAtomic } from './store.ts';

/**
 * Daily aggregation of runs into `evaluation/history/<yyyy-mm-dd>.json`, so the long view costs one
 * small file per day however many runs there were (DESIGN.md "Scale"). A day is always recomputed
 * from all of that day's raw runs, which makes re-ingesting idempotent.
 */

/** UTC day (`yyyy-mm-dd`) of an ISO instant. */
export function utcDay(iso: string): string {
  return new Date(iso).toISOString().slice(0, 10);
}

/** The day a run belongs to: the UTC day it started. */
export function runDay(run: Pick<EvalRun, 'startedAt'>): string {
  return utcDay(run.startedAt);
}

/** Aggregates one day's runs into buckets per check × target × origin × provenance (pure; order-independent). */
export function aggregateDay(date: string, runs: readonly EvalRun[]): DailyHistory {
  const byKey = new Map<string, DayRecord[]>();
  for (const run of runs) {
    for (const record of run.records) {
      const key = `${record.checkId}|${record.target}|${record.origin}|${record.provenance}`;
      byKey.set(key, [...(byKey.get(key) ?? []), { record, runId: run.runId }]);
    }
  }
  const order = (b: DailyBucket) => `${b.checkId}|${b.target}|${b.origin}|${b.provenance}`;
  const sorted = [...byKey.values()].map(foldBucket).sort((a, b) => (order(a) < order(b) ? -1 : 1));
  return DailyHistorySchema.parse({ schemaVersion: EVIDENCE_SCHEMA_VERSION, date, runCount: runs.length, buckets: sorted });
}

/** Groups runs by the UTC day they started. */
export function groupRunsByDay(runs: readonly EvalRun[]): Map<string, EvalRun[]> {
  const days = new Map<string, EvalRun[]>();
  for (const run of runs) {
    const day = runDay(run);
    days.set(day, [...(days.get(day) ?? []), run]);
  }
  return days;
}

/** Path of a day's history file, relative to the evaluation dir. */
export function historyRelPath(date: string): string {
  return `history/${date}.json`;
}

/** Serialises a history file exactly as it is written (stable, so unchanged days are not rewritten). */
export function formatHistory(history: DailyHistory): string {
  return `${JSON.stringify(history, null, 2)}\n`;
}

/** What `updateHistory` did per day. */
export interface HistoryUpdate {
  written: string[];
  unchanged: string[];
  /** Days whose history covers more runs than remain raw (compacted): the file is kept as is. */
  keptCompacted: string[];
  /** Days whose history path is taken by something that is not a file (a folder): not written, reported by the scan. */
  blocked?: string[];
}

async function readExisting(evaluationDir: string, date: string): Promise<{ text: string; history?: DailyHistory } | 'blocked' | undefined> {
  const rel = historyRelPath(date);
  let text: string | undefined;
  try {
    text = await readOptionalInside(evaluationDir, rel, { what: 'daily history', maxBytes: MAX_EVIDENCE_JSON_BYTES });
  } catch (error) {
    if (!(error instanceof EvidencePathError)) throw error;
    // A link out of evaluation/ or an oversized file is replaced by a recomputation (the rename replaces the link,
    // never writes through it); a folder in the way cannot be replaced.
    return error.problem === 'not-a-file' ? 'blocked' : { text: '' };
  }
  if (text === undefined) return undefined;
  try {
    return { text, history: parseJsonHistory(text, `evaluation/${rel}`) };
  } catch (error) {
    // An unreadable history file is replaced by a recomputation from the raw runs.
    if (error instanceof ProofbookInputError) return { text };
    throw error;
  }
}

/**
 * Recomputes the history file of every day in `days` (default: every day present in `runs`) from
 * `runs`, and writes it atomically when it changed. A day whose file counts more runs than `runs`
 * holds for it has been compacted; its aggregate is left untouched, never shrunk.
 */
export async function updateHistory(evaluationDir: string, runs: readonly EvalRun[], days?: Iterable<string>): Promise<HistoryUpdate> {
  const byDay = groupRunsByDay(runs);
  const dates = [...(days ?? byDay.keys())].sort();
  // Days are independent; each write waits for its fsync, so a year of days is written a few at a time.
  const outcomes = await mapLimit(dates, 16, async (date): Promise<keyof HistoryUpdate | undefined> => {
    const dayRuns = byDay.get(date) ?? [];
    const existing = await readExisting(evaluationDir, date);
    if (existing === 'blocked') return 'blocked';
    if (existing?.history && existing.history.runCount > dayRuns.length) return 'keptCompacted';
    if (dayRuns.length === 0) return undefined;
    const text = formatHistory(aggregateDay(date, dayRuns));
    if (existing?.text === text) return 'unchanged';
    await writeFileAtomic(path.join(evaluationDir, historyRelPath(date)), text);
    return 'written';
  });
  const result: HistoryUpdate = { written: [], unchanged: [], keptCompacted: [] };
  dates.forEach((date, i) => {
    const outcome = outcomes[i];
    if (outcome) (result[outcome] ??= []).push(date);
  });
  return result;
}
