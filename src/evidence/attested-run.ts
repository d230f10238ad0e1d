import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { EvalRun } from '../schemas/eval-run.ts';
import type { ManifestKind } from '../schemas/evidence-manifest.ts';
import { appendManifest, type AttestedFile } from './manifest-chain.ts';
import { RUN_SUMMARY_FILE } from './run-summary-file.ts';
import { runRelativeDir, writeRun, type RawArtifact, type WriteRunOptions } from './store.ts';

/**
 * The files of a stored run as they are on disk, for its manifest. `summary.json` is left out: it is a cache of
 * run.json that `npm run ingest` may rewrite (src/evidence/run-summary-file.ts), not evidence of its own.
 */
export async function storedRunFiles(evaluationDir: string, runId: string): Promise<AttestedFile[]> {
  const rel = runRelativeDir(runId);
  const entries = await readdir(path.join(evaluationDir, rel), { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.relative(evaluationDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
  const kept = files.filter((file) => file !== `${rel}/${RUN_SUMMARY_FILE}`);
  return Promise.all(kept.map(async (file) => ({ path: file, content: await readFile(path.join(evaluationDir, file)) })));
}

/** {@link writeRun}, then a manifest of what it wrote, chained to the previous one. Resolves to the run's folder. */
export async function writeAttestedRun(evaluationDir: string, run: EvalRun, raw: readonly RawArtifact[], options: WriteRunOptions, kind: Extract<ManifestKind, 'probe' | 'runbooks'>): Promise<string> {
  const dir = await writeRun(evaluationDir, run, raw, options);
  try {
    await appendManifest(evaluationDir, { kind, runId: run.runId, files: await storedRunFiles(evaluationDir, run.runId) });
  } catch (error) {
    throw new Error(`run ${run.runId} is stored in ${dir}, but its manifest could not be written, so verify-evidence will report it: ${(error as Error).message}`, { cause: error });
  }
  return dir;
}
