import path from 'node:path';

/** The evaluation dir: env `PROOFBOOK_EVALUATION_DIR`, else `./evaluation` under `root`. */
export function resolveEvaluationDir(root: string, env: Readonly<Record<string, string | undefined>> = process.env): string {
  return path.resolve(root, env.PROOFBOOK_EVALUATION_DIR || 'evaluation');
}
