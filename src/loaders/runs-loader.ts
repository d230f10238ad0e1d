import path from 'node:path';
import type { Loader } from 'astro/loaders';
import { listRunFiles, parseJsonRun } from '../evidence/scan.ts';
import { ProofbookInputError } from '../schemas/parse.ts';
import { evaluationDirOf, type EvidenceLoaderOptions } from './evaluation-dir.ts';
import { createFileSync, readText, watchFiles, type FileSyncSpec } from './file-sync.ts';
import { summariseRun } from './summarise-run.ts';

const runIdOf = (rel: string): string => rel.split('/')[1] ?? rel;

function runsSpec(evaluationDir: string): FileSyncSpec {
  return {
    evaluationDir,
    list: () => listRunFiles(evaluationDir),
    idOf: runIdOf,
    readRaw: (rel) => readText(evaluationDir, rel),
    // The whole run is validated, then only its summary is stored.
    toData: (rel, raw) => summariseRun(parseJsonRun(raw, `evaluation/${rel}`)),
    explain: (rel, _raw, error) => (error instanceof ProofbookInputError ? `skipped ${error.message}` : `skipped evaluation/${rel}: ${(error as Error).message}`),
    // `runs/<id>/run.json`; temp dirs of runs being written (`runs/.tmp-*`) are ignored.
    watchTarget: (rel) => (/^runs\/[^./][^/]*\/run\.json$/.test(rel) ? rel : undefined),
  };
}

/**
 * Loads `evaluation/runs/<run-id>/run.json` as entries with id = run id and data = RunSummary (head and
 * verdict counts; the records stay in evaluation/). A run that fails the schema is logged with file, line
 * and field and skipped. It never writes to evaluation/: history is updated by `npm run ingest`/`compact`.
 */
export function runsLoader(options: EvidenceLoaderOptions = {}): Loader {
  return {
    name: 'proofbook-runs-loader',
    load: async (ctx) => {
      const evaluationDir = evaluationDirOf(ctx, options);
      const spec = runsSpec(evaluationDir);
      const sync = createFileSync(ctx, spec);
      const stats = await sync.syncAll();
      ctx.logger.info(`runs: ${stats.parsed} parsed, ${stats.skipped} unchanged, ${stats.failed} skipped as invalid, ${stats.removed} removed`);
      await watchFiles(ctx, spec, path.join(evaluationDir, 'runs'), sync);
    },
  };
}
