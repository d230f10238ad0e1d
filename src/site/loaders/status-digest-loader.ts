import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { resolveEvaluationDir } from '../../evidence/evaluation-dir.ts';
import { isSettledStamp, statStamp, UNSETTLED } from './file-sync.ts';
import { computeStatusEvidence, listInputs, type DigestExclusions, type DigestInputs, type DigestOptions } from './status-digest-compute.ts';
import { loadBaseline } from '../../config/baseline-file.ts';
import { loadMaintenance } from '../../config/maintenance-file.ts';
import { BASELINE_PATH, MAINTENANCE_PATH } from '../../config/paths.ts';
import { DEFAULT_HISTORY_DAYS } from '../../status/history.ts';
import { afterQuiet, oneAtATime, SETTLE_MS } from './dev-resync.ts';
import { STORED_VERSION, type StoredStatusEvidence } from './stored-status-evidence.ts';

const HOUR = 3_600_000;
/** Loader meta key holding the input stamp of the stored digest. */
const STAMP_KEY = 'inputs';

export type DigestLoaderOptions = Partial<DigestOptions>;

/**
 * What the digest is computed from, as one string: the UTC hour, the options, and the name, size and mtime of
 * every run and of the history files in the window. Equal stamps mean an equal digest, so a rebuild with
 * nothing new in evaluation/ keeps the stored entry instead of reading runs again. The hour is in it because
 * the history window and the rows history expects move with the clock. `settled` is false while any mtime is
 * too fresh to vouch for its file's bytes; such a stamp is not kept, so the next sync reads the inputs again.
 */
function inputStamp(ctx: LoaderContext, evaluationDir: string, inputs: DigestInputs, now: Date, options: DigestOptions, exclusions: DigestExclusions): { stamp: string; settled: boolean } {
  const statedAt = Date.now();
  const files = [...inputs.runFiles, ...inputs.historyFiles];
  const stamps = files.map((rel) => statStamp(evaluationDir, rel));
  const stats = files.map((rel, i) => `${rel}:${stamps[i]}`);
  return { stamp: ctx.generateDigest({ hour: now.toISOString().slice(0, 13), options, exclusions, stats }), settled: stamps.every((stamp) => isSettledStamp(stamp, statedAt)) };
}

/**
 * The baseline and maintenance windows uptime leaves failures out by, read with the same strict readers as their
 * collections. A bad file stops a build there; in `astro dev` its collection reports it, and uptime goes without it.
 */
async function readExclusions(root: string, isDev: boolean, warn: (message: string) => void): Promise<DigestExclusions> {
  const read = async <T>(load: () => Promise<T[]>): Promise<T[]> => {
    if (!isDev) return load();
    return load().catch((error: Error) => {
      warn(`status: uptime computed without ${error.message.split('\n')[0]}`);
      return [];
    });
  };
  const [baseline, maintenance] = await Promise.all([read(() => loadBaseline(root)), read(() => loadMaintenance(root))]);
  return { baseline, maintenance };
}

/**
 * Loads one small entry with the latest evidence per check × target × origin, drift, run heads and history
 * marks, reading runs newest first and only the history files in the window. Its size and cost follow the
 * number of checks, not the number of retained runs or history days (src/site/loaders/status-digest-compute.ts).
 * Watches evaluation/ in `astro dev`.
 */
export function statusEvidenceLoader(userOptions: DigestLoaderOptions = {}): Loader {
  const options: DigestOptions = { settleSpanMs: 3 * HOUR, maxSpanMs: 48 * HOUR, historyDays: DEFAULT_HISTORY_DAYS, ...userOptions };
  return {
    name: 'proofbook-status-evidence',
    load: async (ctx) => {
      const root = fileURLToPath(ctx.config.root);
      const evaluationDir = resolveEvaluationDir(root);
      const sync = async () => {
        const now = new Date();
        const inputs = await listInputs(evaluationDir, now, options.historyDays);
        const exclusions = await readExclusions(root, ctx.watcher !== undefined, (message) => ctx.logger.warn(message));
        const { stamp, settled } = inputStamp(ctx, evaluationDir, inputs, now, options, exclusions);
        // A digest stored in an older shape (schemaVersion) is recomputed even when the inputs are unchanged.
        if (ctx.meta.get(STAMP_KEY) === stamp && ctx.store.get('latest')?.data.schemaVersion === STORED_VERSION) {
          ctx.logger.info('status: evaluation/ unchanged since the last sync this hour; kept the stored digest');
          return;
        }
        const computed = await computeStatusEvidence(evaluationDir, inputs, now.getTime(), options, exclusions);
        for (const warning of computed.warnings) ctx.logger.warn(warning);
        const data: StoredStatusEvidence = { schemaVersion: STORED_VERSION, evidence: computed.evidence };
        // Over the version too: an entry stored in an older shape with the same content is replaced.
        const digestHash = ctx.generateDigest(data);
        ctx.meta.set(STAMP_KEY, settled ? stamp : UNSETTLED);
        if (ctx.store.get('latest')?.digest === digestHash) return;
        ctx.store.set({ id: 'latest', data: await ctx.parseData({ id: 'latest', data }), digest: digestHash });
        ctx.logger.info(`status: ${computed.rows} rows from ${computed.scanned} of ${computed.listed} runs, ${computed.historyDays} history days`);
      };
      await sync();
      if (!ctx.watcher) return;
      const syncSoon = afterQuiet(oneAtATime(() => sync().catch((error: Error) => ctx.logger.error(`status: ${error.message}`))), SETTLE_MS);
      const contentFiles = [BASELINE_PATH, MAINTENANCE_PATH].map((rel) => path.join(root, rel));
      const onChange = (changed: string) => {
        const rel = path.relative(evaluationDir, changed).split(path.sep).join('/');
        if (!/^runs\/[^./][^/]*\/run\.json$/.test(rel) && !/^history\/[^/]+\.json$/.test(rel) && !contentFiles.includes(changed)) return;
        syncSoon();
      };
      ctx.watcher.add([path.join(evaluationDir, 'runs'), path.join(evaluationDir, 'history'), ...contentFiles]);
      ctx.watcher.on('add', onChange).on('change', onChange).on('unlink', onChange);
    },
  };
}
