import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { listHistoryFiles, listRunFiles, readHistory, readRun, resolveEvaluationDir } from '../evidence/scan.ts';
import { isSettledStamp, statStamp, UNSETTLED } from '../loaders/file-sync.ts';
import type { EvalRun } from '../schemas/eval-run.ts';
import type { DailyHistory } from '../schemas/history.ts';
import { storeArtifactHighlights } from './artifact-highlights.ts';
import { STORED_VERSION, type StatusEvidence, type StoredStatusEvidence } from './stored-evidence.ts';
import { DigestBuilder, expectedRows, refineSince, type EvidenceDigest } from './evidence-digest.ts';
import { DEFAULT_HISTORY_DAYS, historyStrings, utcDate } from './history.ts';

const HOUR = 3_600_000;
/** Loader meta key holding the input stamp of the stored digest. */
const STAMP_KEY = 'inputs';

export interface DigestLoaderOptions {
  /** Stop looking for the start of failing streaks in raw runs after this much run time; history takes over. Default 3 h. */
  settleSpanMs?: number;
  /** Never read more than this much run time (rows not seen by then are shown from history as missing). Default 2 d. */
  maxSpanMs?: number;
  /** Days of history marks per check. */
  historyDays?: number;
}

/** What one sync reads from: the run files (oldest first) and the history files in the window. */
interface DigestInputs {
  runFiles: string[];
  historyFiles: string[];
}

async function listInputs(evaluationDir: string, now: Date, historyDays: number): Promise<DigestInputs> {
  const from = utcDate(now, historyDays - 1);
  const [runFiles, historyFiles] = await Promise.all([listRunFiles(evaluationDir), listHistoryFiles(evaluationDir)]);
  return { runFiles, historyFiles: historyFiles.filter((rel) => path.basename(rel, '.json') >= from) };
}

/** The digest, and the runs read for it by run id. */
async function readDigest(ctx: LoaderContext, evaluationDir: string, runFiles: readonly string[], options: Required<DigestLoaderOptions>, expected: ReadonlySet<string>): Promise<{ digest: EvidenceDigest; read: Map<string, EvalRun> }> {
  const files = [...runFiles].reverse(); // run ids start with the time: newest first
  const builder = new DigestBuilder();
  const read = new Map<string, EvalRun>();
  for (const rel of files) {
    try {
      const run = await readRun(evaluationDir, rel);
      builder.add(run);
      read.set(run.runId, run);
    } catch (error) {
      ctx.logger.warn(`status: skipped ${(error as Error).message}`);
      continue;
    }
    if (builder.isEnough(expected, options.settleSpanMs, options.maxSpanMs)) break;
  }
  return { digest: builder.finish(files.length), read };
}

/**
 * What the digest is computed from, as one string: the UTC hour, the options, and the name, size and mtime of
 * every run and of the history files in the window. Equal stamps mean an equal digest, so a rebuild with
 * nothing new in evaluation/ keeps the stored entry instead of reading runs again. The hour is in it because
 * the history window and the rows history expects move with the clock. `settled` is false while any mtime is
 * too fresh to vouch for its file's bytes; such a stamp is not kept, so the next sync reads the inputs again.
 */
function inputStamp(ctx: LoaderContext, evaluationDir: string, inputs: DigestInputs, now: Date, options: Required<DigestLoaderOptions>): { stamp: string; settled: boolean } {
  const statedAt = Date.now();
  const files = [...inputs.runFiles, ...inputs.historyFiles];
  const stamps = files.map((rel) => statStamp(evaluationDir, rel));
  const stats = files.map((rel, i) => `${rel}:${stamps[i]}`);
  return { stamp: ctx.generateDigest({ hour: now.toISOString().slice(0, 13), options, stats }), settled: stamps.every((stamp) => isSettledStamp(stamp, statedAt)) };
}

async function readHistoryWindow(ctx: LoaderContext, evaluationDir: string, files: readonly string[]): Promise<DailyHistory[]> {
  const read = await Promise.all(
    files.map((rel) =>
      readHistory(evaluationDir, rel).catch((error: Error) => {
        ctx.logger.warn(`status: skipped ${error.message}`);
        return undefined;
      }),
    ),
  );
  return read.filter((day): day is DailyHistory => day !== undefined);
}

/**
 * Loads one small entry with the latest evidence per check × target × origin, drift, run heads and history
 * marks, reading runs newest first and only the history files in the window. Its size and cost follow the
 * number of checks, not the number of retained runs or history days. Watches evaluation/ in `astro dev`.
 */
export function statusEvidenceLoader(userOptions: DigestLoaderOptions = {}): Loader {
  const options = { settleSpanMs: 3 * HOUR, maxSpanMs: 48 * HOUR, historyDays: DEFAULT_HISTORY_DAYS, ...userOptions };
  return {
    name: 'proofbook-status-evidence',
    load: async (ctx) => {
      const evaluationDir = resolveEvaluationDir(fileURLToPath(ctx.config.root));
      const sync = async () => {
        const now = new Date();
        const inputs = await listInputs(evaluationDir, now, options.historyDays);
        const { stamp, settled } = inputStamp(ctx, evaluationDir, inputs, now, options);
        // A digest stored in an older shape (schemaVersion) is recomputed even when the inputs are unchanged.
        if (ctx.meta.get(STAMP_KEY) === stamp && ctx.store.get('latest')?.data.schemaVersion === STORED_VERSION) {
          ctx.logger.info('status: evaluation/ unchanged since the last sync this hour; kept the stored digest');
          return;
        }
        const history = await readHistoryWindow(ctx, evaluationDir, inputs.historyFiles);
        // Rows recent history knows of must be found in the runs before the scan may stop.
        const expected = expectedRows(history, now.getTime() - options.maxSpanMs);
        const scan = await readDigest(ctx, evaluationDir, inputs.runFiles, options, expected);
        const digest = refineSince(scan.digest, history);
        const marks = historyStrings(history, now, options.historyDays);
        const evidence: StatusEvidence = { digest, history: { from: marks.from, to: marks.to, byCheck: Object.fromEntries(marks.byCheck) } };
        const data: StoredStatusEvidence = { schemaVersion: STORED_VERSION, json: JSON.stringify(evidence) };
        // Over the version too: an entry stored in an older shape with the same content is replaced.
        const digestHash = ctx.generateDigest(data);
        const highlighted = await storeArtifactHighlights(ctx, evaluationDir, digest, scan.read);
        if (highlighted > 0) ctx.logger.info(`status: highlighted the artifacts of ${highlighted} runs for their evidence pages`);
        ctx.meta.set(STAMP_KEY, settled ? stamp : UNSETTLED);
        if (ctx.store.get('latest')?.digest === digestHash) return;
        ctx.store.set({ id: 'latest', data: await ctx.parseData({ id: 'latest', data }), digest: digestHash });
        ctx.logger.info(`status: ${digest.latest.length} rows from ${digest.scanned} of ${digest.listed} runs, ${history.length} history days`);
      };
      await sync();
      if (!ctx.watcher) return;
      let timer: NodeJS.Timeout | undefined;
      const onChange = (changed: string) => {
        const rel = path.relative(evaluationDir, changed).split(path.sep).join('/');
        if (!/^runs\/[^./][^/]*\/run\.json$/.test(rel) && !/^history\/[^/]+\.json$/.test(rel)) return;
        clearTimeout(timer);
        timer = setTimeout(() => sync().catch((error: Error) => ctx.logger.error(`status: ${error.message}`)), 150);
      };
      ctx.watcher.add([path.join(evaluationDir, 'runs'), path.join(evaluationDir, 'history')]);
      ctx.watcher.on('add', onChange).on('change', onChange).on('unlink', onChange);
    },
  };
}
