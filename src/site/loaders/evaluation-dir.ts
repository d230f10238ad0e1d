import { fileURLToPath } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { resolveEvaluationDir } from '../../evidence/evaluation-dir.ts';

/** Options every evidence loader takes. */
export interface EvidenceLoaderOptions {
  /** Absolute path, or relative to the project root. Default: env `PROOFBOOK_EVALUATION_DIR`, else `./evaluation`. */
  evaluationDir?: string;
}

/** Resolves the evaluation dir against the Astro project root. */
export function evaluationDirOf(ctx: Pick<LoaderContext, 'config'>, options: EvidenceLoaderOptions): string {
  const root = fileURLToPath(ctx.config.root);
  return options.evaluationDir ? resolveEvaluationDir(root, { PROOFBOOK_EVALUATION_DIR: options.evaluationDir }) : resolveEvaluationDir(root);
}
