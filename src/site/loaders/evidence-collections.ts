import { defineCollection } from 'astro:content';
import { ImportedArtifactSchema } from '../../schemas/imported-artifact.ts';
import { RunSummarySchema } from '../../schemas/run-summary.ts';
import { deferredLoader } from '../speed/deferred-loader.ts';

// Evidence collections over evaluation/ (env PROOFBOOK_EVALUATION_DIR overrides the folder):
// `runs` (id = run id, data = RunSummary, read by /evidence/), `imports` (id = path relative to evaluation/).
// Daily history is not a collection: /status reads its window through `statusEvidence` (src/status/digest-loader.ts).
export const evidenceCollections = {
  runs: defineCollection({
    loader: deferredLoader<typeof import('./runs-loader.ts')>('proofbook-runs-loader', new URL('./runs-loader.ts', import.meta.url), (loaders) => loaders.runsLoader()),
    schema: RunSummarySchema,
  }),
  imports: defineCollection({
    loader: deferredLoader<typeof import('./imports-loader.ts')>('proofbook-imports-loader', new URL('./imports-loader.ts', import.meta.url), (loaders) => loaders.importsLoader()),
    schema: ImportedArtifactSchema,
  }),
};
