import { readdir, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { EvalRun } from '../schemas/eval-run.ts';
import { groupRunsByDay, historyRelPath, updateHistory } from './history.ts';
import { readHistory } from './history-files.ts';
import { readRun } from './run-files.ts';

/**
 * Retention: raw run directories older than `rawDays` are deleted, but only for days whose history file
 * exists and counts at least as many runs as are being deleted. History files are never rewritten here;
 * those older than `historyDays` may be dropped.
 */

export interface CompactOptions {
  evaluationDir: string;
  /** Keep raw runs of this many most recent UTC days (today counts as one). */
  rawDays: number;
  /** Drop history files older than this many days (default 366: one year of long view). */
  historyDays?: number;
  now: Date;
  /** Report what would be deleted without deleting. */
  dryRun?: boolean;
}

export interface CompactReport {
  deletedRuns: string[];
  /** Days kept raw because a run in them is unreadable, so the day cannot be aggregated completely. */
  keptDays: { date: string; reason: string }[];
  droppedHistory: string[];
  historyWritten: string[];
}

/** `yyyy-mm-dd` of `now` minus `days` days. */
export function cutoffDay(now: Date, days: number): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
}

/** Day of a run id (`20261124T153000Z-…` → `2026-11-24`), without reading the run. */
export function dayOfRunId(runId: string): string | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T/.exec(runId);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}

async function oldRunsByDay(evaluationDir: string, before: string): Promise<Map<string, string[]>> {
  const ids = await readdir(path.join(evaluationDir, 'runs')).catch(() => [] as string[]);
  const days = new Map<string, string[]>();
  for (const id of ids) {
    const day = dayOfRunId(id);
    if (!day || id.startsWith('.') || day >= before) continue;
    days.set(day, [...(days.get(day) ?? []), id]);
  }
  return days;
}

/** Applies the retention policy to `evaluation/`; see the module comment for the guarantees. */
export async function compactEvidence(options: CompactOptions): Promise<CompactReport> {
  const { evaluationDir, now } = options;
  const report: CompactReport = { deletedRuns: [], keptDays: [], droppedHistory: [], historyWritten: [] };
  const candidates = await oldRunsByDay(evaluationDir, cutoffDay(now, options.rawDays - 1));
  for (const [date, ids] of [...candidates].sort()) {
    const runs: EvalRun[] = [];
    const bad: string[] = [];
    for (const id of ids) {
      try {
        runs.push(readRun(evaluationDir, `runs/${id}/run.json`));
      } catch (error) {
        bad.push(`${id}: ${(error as Error).message.split('\n')[1] ?? (error as Error).message}`);
      }
    }
    if (bad.length) {
      report.keptDays.push({ date, reason: `unreadable runs: ${bad.join('; ')}` });
      continue;
    }
    // Make sure the day's aggregate exists and covers these runs before anything is deleted.
    const update = options.dryRun ? { written: [] } : await updateHistory(evaluationDir, runs, groupRunsByDay(runs).keys());
    report.historyWritten.push(...update.written);
    const history = await readHistory(evaluationDir, historyRelPath(date)).catch(() => undefined);
    if (!history || history.runCount < runs.length) {
      report.keptDays.push({ date, reason: history ? `history counts ${history.runCount} runs, ${runs.length} raw` : 'no history file' });
      continue;
    }
    for (const id of ids) {
      if (!options.dryRun) await rm(path.join(evaluationDir, 'runs', id), { recursive: true, force: true });
      report.deletedRuns.push(id);
    }
  }
  report.droppedHistory = await dropOldHistory(evaluationDir, cutoffDay(now, options.historyDays ?? 366), options.dryRun);
  return report;
}

async function dropOldHistory(evaluationDir: string, before: string, dryRun = false): Promise<string[]> {
  const names = await readdir(path.join(evaluationDir, 'history')).catch(() => [] as string[]);
  const old = names.filter((n) => /^\d{4}-\d{2}-\d{2}\.json$/.test(n) && n.slice(0, 10) < before);
  if (!dryRun) await Promise.all(old.map((n) => unlink(path.join(evaluationDir, 'history', n))));
  return old.map((n) => `history/${n}`);
}
