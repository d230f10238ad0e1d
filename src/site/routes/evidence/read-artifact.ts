import { readArtifactPreview as readPreview, type ArtifactPreview } from '../../../evidence/artifact-preview.ts';
import { resolveEvaluationDir } from '../../../evidence/evaluation-dir.ts';
import { readRun } from '../../../evidence/run-files.ts';
import { readRunManifest as readManifest, type RunManifest } from '../../../evidence/run-manifest.ts';
import type { EvalRun } from '../../../schemas/eval-run.ts';

/** The evaluation directory the loaders read (the build runs from the project root). */
export function evaluationDir(): string {
  return resolveEvaluationDir(process.cwd());
}

/**
 * One run, validated. Both reads here are synchronous: a page makes ~120 file calls while it renders, and
 * through the promise API each waited in libuv's four-thread pool behind the page files the build writes; its
 * frontmatter took 19–86 ms, against 3.5–14.5 ms.
 */
export function readEvidenceRun(runId: string): EvalRun {
  return readRun(evaluationDir(), `runs/${runId}/run.json`);
}

/** The first `maxBytes` of an artifact of a run in the site's evaluation/ (see src/evidence/artifact-preview.ts). */
export function readArtifactPreview(relativePath: string, maxBytes: number): ArtifactPreview {
  return readPreview(evaluationDir(), relativePath, maxBytes);
}

/** The manifest a run of the site's evaluation/ wrote (src/evidence/run-manifest.ts). */
export function readRunManifest(runId: string): RunManifest | undefined {
  return readManifest(evaluationDir(), runId);
}
