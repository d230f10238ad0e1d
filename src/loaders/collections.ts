import { defineCollection } from 'astro:content';
import { EvalRunSchema } from '../schemas/eval-run.ts';
import { DailyHistorySchema } from '../schemas/history.ts';
import { ImportedArtifactSchema } from '../schemas/imported-artifact.ts';
import { historyLoader, importsLoader, runsLoader } from './index.ts';

// Evidence collections over evaluation/ (env PROOFBOOK_EVALUATION_DIR overrides the folder):
// `runs` (id = run id), `imports` (id = path relative to evaluation/), `history` (id = yyyy-mm-dd).
export const evidenceCollections = {
  runs: defineCollection({ loader: runsLoader(), schema: EvalRunSchema }),
  imports: defineCollection({ loader: importsLoader(), schema: ImportedArtifactSchema }),
  history: defineCollection({ loader: historyLoader(), schema: DailyHistorySchema }),
};
