import path from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { dayOfRunId } from '../evidence/compact.ts';
import { historyRelPath, runDay, updateHistory } from '../evidence/history.ts';
import { listRunFiles, parseJsonRun } from '../evidence/scan.ts';
import type { EvalRun } from '../schemas/eval-run.ts';
import { evaluationDirOf, type EvidenceLoaderOptions } from './evaluation-dir.ts';
import { createFileSync, readText, watchFiles, type FileSyncSpec, type SyncStats } from './file-sync.ts';
import { historyWritten } from './history-bus.ts';

export interface RunsLoaderOptions extends EvidenceLoaderOptions {
  /** Recompute `history/<day>.json` for days whose runs changed (default true; `npm run ingest` does the same). */
  updateHistory?: boolean;
}

const runIdOf = (rel: string): string => rel.split('/')[1] ?? rel;

function runsSpec(evaluationDir: string): FileSyncSpec {
  return {
    evaluationDir,
    list: () => listRunFiles(evaluationDir),
    idOf: runIdOf,
    readRaw: (rel) => readText(evaluationDir, rel),
    toData: (rel, raw) => JSON.parse(raw) as Record<string, unknown>,
    explain: (rel, raw, error) => explainRun(rel, raw, error),
    // `runs/<id>/run.json`; temp dirs of runs being written (`runs/.tmp-*`) are ignored.
    watchTarget: (rel) => (/^runs\/[^./][^/]*\/run\.json$/.test(rel) ? rel : undefined),
  };
}

/** Re-validates a rejected run with parseOrThrow to name the file, line and field. */
function explainRun(rel: string, raw: string, error: unknown): string {
  try {
    parseJsonRun(raw, `evaluation/${rel}`);
  } catch (detailed) {
    return `skipped ${(detailed as Error).message}`;
  }
  return `skipped evaluation/${rel}: ${(error as Error).message}`;
}

/** Days touched by changed runs: from the stored run when it is there, else from the id (removed runs). */
function touchedDays(ctx: LoaderContext, stats: SyncStats): Set<string> {
  const days = new Set<string>();
  for (const id of stats.changed) {
    const run = ctx.store.get(id)?.data as unknown as EvalRun | undefined;
    const day = run ? runDay(run) : dayOfRunId(id);
    if (day) days.add(day);
  }
  return days;
}

async function refreshHistory(ctx: LoaderContext, evaluationDir: string, days: Set<string>): Promise<void> {
  if (days.size === 0) return;
  const runs = ctx.store.values().map((entry) => entry.data as unknown as EvalRun).filter((run) => days.has(runDay(run)));
  try {
    const result = await updateHistory(evaluationDir, runs, days);
    if (result.written.length) ctx.logger.info(`history updated for ${result.written.join(', ')}`);
    await historyWritten(evaluationDir, result.written.map(historyRelPath));
  } catch (error) {
    ctx.logger.error(`could not update history: ${(error as Error).message}`);
  }
}

/**
 * Loads `evaluation/runs/<run-id>/run.json` as entries with id = run id and data = EvalRun. A run that
 * fails the schema is logged with file, line and field and skipped.
 */
export function runsLoader(options: RunsLoaderOptions = {}): Loader {
  return {
    name: 'proofbook-runs-loader',
    load: async (ctx) => {
      const evaluationDir = evaluationDirOf(ctx, options);
      const spec = runsSpec(evaluationDir);
      const sync = createFileSync(ctx, spec);
      const stats = await sync.syncAll();
      ctx.logger.info(`runs: ${stats.parsed} parsed, ${stats.skipped} unchanged, ${stats.failed} skipped as invalid, ${stats.removed} removed`);
      const onChange = options.updateHistory === false ? undefined : (s: SyncStats) => refreshHistory(ctx, evaluationDir, touchedDays(ctx, s));
      await onChange?.(stats);
      await watchFiles(ctx, spec, path.join(evaluationDir, 'runs'), sync, onChange);
    },
  };
}
