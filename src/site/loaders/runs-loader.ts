import path from 'node:path';
import type { Loader } from 'astro/loaders';
import { listRunEntries } from '../../evidence/run-files.ts';
import { readRunSummaryInput, RUN_SUMMARY_FILE, summaryOf, type RunSummaryInput } from '../../evidence/run-summary-file.ts';
import { ProofbookInputError } from '../../schemas/parse.ts';
import { evaluationDirOf, type EvidenceLoaderOptions } from './evaluation-dir.ts';
import { createFileSync, watchFiles, type FileSyncSpec } from './file-sync.ts';

const runIdOf = (rel: string): string => rel.split('/')[1] ?? rel;
const RUN_FILE = /^runs\/([^./][^/]*)\/(run\.json|summary\.json)$/;

function runsSpec(evaluationDir: string, fromSidecar: { stat: number; hash: number }, warn: (message: string) => void): FileSyncSpec<RunSummaryInput> {
  return {
    evaluationDir,
    list: async () => {
      const { files, stray } = await listRunEntries(evaluationDir);
      for (const entry of stray) warn(entry.message);
      return files;
    },
    idOf: runIdOf,
    statPaths: (rel) => [rel, `${path.posix.dirname(rel)}/${RUN_SUMMARY_FILE}`],
    readRaw: (rel) => readRunSummaryInput(evaluationDir, rel),
    // The entry changes exactly when run.json's bytes do.
    digestOf: (input) => input.sha256,
    // The sidecar's summary when it vouches for run.json, else the whole run is validated.
    toData: (_rel, input) => {
      if (input.vouched) fromSidecar[input.via]++;
      return summaryOf(input).summary;
    },
    explain: (rel, _raw, error) => (error instanceof ProofbookInputError ? `skipped ${error.message}` : `skipped evaluation/${rel}: ${(error as Error).message}`),
    // `runs/<id>/run.json` or its sidecar; temp dirs of runs being written (`runs/.tmp-*`) are ignored.
    watchTarget: (rel) => {
      const match = RUN_FILE.exec(rel);
      return match ? `runs/${match[1]}/run.json` : undefined;
    },
  };
}

/**
 * Loads `evaluation/runs/<run-id>/run.json` as entries with id = run id and data = RunSummary (head and
 * verdict counts; the records stay in evaluation/), taken from the run's summary.json while it vouches for run.json.
 * A run that fails the schema is logged with file, line and field and skipped. It never writes to evaluation/: history is updated by `npm run ingest`/`compact`.
 */
export function runsLoader(options: EvidenceLoaderOptions = {}): Loader {
  return {
    name: 'proofbook-runs-loader',
    load: async (ctx) => {
      const evaluationDir = evaluationDirOf(ctx, options);
      const fromSidecar = { stat: 0, hash: 0 };
      const spec = runsSpec(evaluationDir, fromSidecar, (message) => ctx.logger.warn(message));
      const sync = createFileSync(ctx, spec);
      const stats = await sync.syncAll();
      ctx.logger.info(`runs: ${stats.parsed} parsed, ${stats.skipped} unchanged, ${stats.failed} skipped as invalid, ${stats.removed} removed`);
      const taken = fromSidecar.stat + fromSidecar.hash;
      if (taken > 0) ctx.logger.info(`runs: ${taken} of the parsed taken from their summary.json (${fromSidecar.stat} vouched for by run.json's size and mtime, ${fromSidecar.hash} by its hash)`);
      await watchFiles(ctx, spec, path.join(evaluationDir, 'runs'), sync);
    },
  };
}
