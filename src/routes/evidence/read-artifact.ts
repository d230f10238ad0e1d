import { readArtifactPreview as readPreview, type ArtifactPreview } from '../../evidence/artifact-preview.ts';
import { readRun, resolveEvaluationDir } from '../../evidence/scan.ts';
import type { EvalRun } from '../../schemas/eval-run.ts';

/** The evaluation directory the loaders read (the build runs from the project root). */
export function evaluationDir(): string {
  return resolveEvaluationDir(process.cwd());
}

/** One run, validated. */
export function readEvidenceRun(runId: string): Promise<EvalRun> {
  return readRun(evaluationDir(), `runs/${runId}/run.json`);
}

/** The first `maxBytes` of an artifact of a run in the site's evaluation/ (see src/evidence/artifact-preview.ts). */
export function readArtifactPreview(relativePath: string, maxBytes: number): Promise<ArtifactPreview> {
  return readPreview(evaluationDir(), relativePath, maxBytes);
}
