/** Evidence pages are built for this many latest runs per environment × origin (plus runs latest rows cite). */
export const EVIDENCE_RUNS_PER_SCOPE = Number(process.env.PROOFBOOK_EVIDENCE_RUNS ?? 2);

/** Raw artifacts larger than this are cut on evidence pages (the full file stays in evaluation/). */
export const ARTIFACT_PREVIEW_BYTES = 16_384;

/** Artifacts beyond this many per run are listed but not highlighted, to keep one page's build bounded. */
export const HIGHLIGHTED_ARTIFACTS_PER_RUN = 12;
