import path from 'node:path';
import type { Loader } from 'astro/loaders';
import { listHistoryFiles, parseJsonHistory } from '../evidence/scan.ts';
import { evaluationDirOf, type EvidenceLoaderOptions } from './evaluation-dir.ts';
import { createFileSync, readText, watchFiles, type FileSyncSpec } from './file-sync.ts';
import { onHistoryWritten } from './history-bus.ts';

function historySpec(evaluationDir: string): FileSyncSpec {
  return {
    evaluationDir,
    list: () => listHistoryFiles(evaluationDir),
    idOf: (rel) => path.basename(rel, '.json'),
    readRaw: (rel) => readText(evaluationDir, rel),
    toData: (_rel, raw) => JSON.parse(raw) as Record<string, unknown>,
    explain: (rel, raw, error) => {
      try {
        parseJsonHistory(raw, `evaluation/${rel}`);
      } catch (detailed) {
        return `skipped ${(detailed as Error).message}`;
      }
      return `skipped evaluation/${rel}: ${(error as Error).message}`;
    },
    watchTarget: (rel) => (/^history\/\d{4}-\d{2}-\d{2}\.json$/.test(rel) ? rel : undefined),
  };
}

/** Loads `evaluation/history/<yyyy-mm-dd>.json` (id = date, data = DailyHistory): the long view. */
export function historyLoader(options: EvidenceLoaderOptions = {}): Loader {
  return {
    name: 'proofbook-history-loader',
    load: async (ctx) => {
      const evaluationDir = evaluationDirOf(ctx, options);
      const spec = historySpec(evaluationDir);
      const sync = createFileSync(ctx, spec);
      // Registered before the listing, so a day file the runs loader writes meanwhile is never missed.
      onHistoryWritten(evaluationDir, async (rels) => {
        for (const rel of rels) await sync.syncPath(rel);
      });
      const stats = await sync.syncAll();
      ctx.logger.info(`history: ${stats.parsed} parsed, ${stats.skipped} unchanged, ${stats.failed} skipped as invalid, ${stats.removed} removed`);
      await watchFiles(ctx, spec, path.join(evaluationDir, 'history'), sync);
    },
  };
}
