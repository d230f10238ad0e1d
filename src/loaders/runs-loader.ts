import path from 'node:path';
import type { Loader } from 'astro/loaders';
import { listRunFiles, parseJsonRun } from '../evidence/scan.ts';
import { EvalRunSchema, type EvalRun } from '../schemas/eval-run.ts';
import { ProofbookInputError } from '../schemas/parse.ts';
import { evaluationDirOf, type EvidenceLoaderOptions } from './evaluation-dir.ts';
import { createFileSync, readText, watchFiles, type FileSyncSpec } from './file-sync.ts';
import { summariseRun } from './summarise-run.ts';

const runIdOf = (rel: string): string => rel.split('/')[1] ?? rel;

/**
 * Validates run.json text. The happy path is a plain JSON.parse + safeParse: parseJsonRun also builds a
 * JSON syntax tree up front to locate lines, which costs ~7 ms per 200-record run (3.5 s of a cold build
 * over 480 runs). It is only called for a file that failed, to name its line and field.
 */
function validateRun(rel: string, raw: string): EvalRun {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return parseJsonRun(raw, `evaluation/${rel}`); // throws the located "not valid JSON" error
  }
  const result = EvalRunSchema.safeParse(value);
  return result.success ? result.data : parseJsonRun(raw, `evaluation/${rel}`);
}

function runsSpec(evaluationDir: string): FileSyncSpec {
  return {
    evaluationDir,
    list: () => listRunFiles(evaluationDir),
    idOf: runIdOf,
    readRaw: (rel) => readText(evaluationDir, rel),
    // The whole run is validated, then only its summary is stored.
    toData: (rel, raw) => summariseRun(validateRun(rel, raw)),
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
