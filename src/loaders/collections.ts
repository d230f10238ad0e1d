import { defineCollection } from 'astro:content';
import { ImportedArtifactSchema } from '../schemas/imported-artifact.ts';
import { RunSummarySchema } from '../schemas/run-summary.ts';
import { importsLoader, runsLoader } from './index.ts';

// Evidence collections over evaluation/ (env PROOFBOOK_EVALUATION_DIR overrides the folder):
// `runs` (id = run id, data = RunSummary, read by /evidence/), `imports` (id = path relative to evaluation/).
// Daily history is not a collection: /status reads its window through `statusEvidence` (src/status/digest-loader.ts).
export const evidenceCollections = {
  runs: defineCollection({ loader: runsLoader(), schema: RunSummarySchema }),
  imports: defineCollection({ loader: importsLoader(), schema: ImportedArtifactSchema }),
};
