import { createHash } from 'node:crypto';
import type { EvalRun } from '../schemas/eval-run.ts';
import type { EvidenceRecord } from '../schemas/evidence.ts';

/**
 * Evidence pages are built for this many latest runs per environment × origin, plus every run /status links
 * to (each row's run, both runs of each drift entry). Older retained runs are listed on /evidence/ without one.
 */
export const EVIDENCE_RUNS_PER_SCOPE = Number(process.env.PROOFBOOK_EVIDENCE_RUNS ?? 1);

/** Raw artifacts larger than this are cut on evidence pages (the full file stays in evaluation/). */
export const ARTIFACT_PREVIEW_BYTES = 16_384;

/** Artifacts beyond this many per run are listed but not highlighted, to keep one page's build bounded. */
export const HIGHLIGHTED_ARTIFACTS_PER_RUN = 12;

type Artifact = EvidenceRecord['artifacts'][number];

/** A run's records in page order: failing first (their artifacts are the ones a reader opens), then by check id. */
export function pageRecords(run: EvalRun): EvidenceRecord[] {
  return [...run.records].sort((a, b) => Number(a.verdict === 'pass') - Number(b.verdict === 'pass') || a.checkId.localeCompare(b.checkId));
}

/** A run's artifacts in page order; the first {@link HIGHLIGHTED_ARTIFACTS_PER_RUN} are highlighted. */
export function pageArtifacts(run: EvalRun): { record: EvidenceRecord; artifact: Artifact; highlight: boolean }[] {
  return pageRecords(run)
    .flatMap((record) => record.artifacts.map((artifact) => ({ record, artifact })))
    .map((item, i) => ({ ...item, highlight: i < HIGHLIGHTED_ARTIFACTS_PER_RUN }));
}

/** Expressive Code language for an artifact, from its media type or file extension. */
export function languageOf(relativePath: string, mediaType?: string): string {
  if (mediaType?.includes('json') || /\.jsonl?$/.test(relativePath)) return 'json';
  if (/\.(http|curl)$/.test(relativePath)) return 'http';
  if (/\.(ya?ml)$/.test(relativePath)) return 'yaml';
  if (/\.toml$/.test(relativePath)) return 'toml';
  return 'txt';
}

/** What a stored highlight is matched against: the hash of the preview text it was made from. */
export function previewHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
