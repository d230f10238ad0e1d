// Every collection of the site: the docs, the team's content files read by the probe's own readers, the evidence
// over evaluation/, and the client guides' snippets.
import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { BaselineEntrySchema } from './schemas/baseline.ts';
import { GuideSetSchema } from './schemas/guide-set.ts';
import { ImportedArtifactSchema } from './schemas/imported-artifact.ts';
import { OutstandingItemSchema } from './schemas/outstanding.ts';
import { PageFrontmatterSchema } from './schemas/page-frontmatter.ts';
import { RunSummarySchema } from './schemas/run-summary.ts';
import { StatusCheckSchema } from './schemas/status-check.ts';
import { sharedDocsSchema } from './site/docs-schema.ts';
import { baselineLoader, checkCatalogLoader, outstandingLoader } from './site/loaders/content-file-loaders.ts';
import { guideSnippetsLoader } from './site/loaders/guide-snippets-loader.ts';
import { importsLoader } from './site/loaders/imports-loader.ts';
import { runsLoader } from './site/loaders/runs-loader.ts';
import { statusEvidenceLoader } from './site/loaders/status-digest-loader.ts';
import { StatusEvidenceSchema } from './site/loaders/stored-status-evidence.ts';

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: sharedDocsSchema({ extend: PageFrontmatterSchema }) }),
  /** content/checks/*.yaml, one entry per check (what /status shows of it). */
  checks: defineCollection({ loader: checkCatalogLoader(), schema: StatusCheckSchema }),
  /** content/baseline.yaml, one entry per expected failure. */
  baseline: defineCollection({ loader: baselineLoader(), schema: BaselineEntrySchema }),
  /** content/outstanding.yaml, one entry per open item. */
  outstanding: defineCollection({ loader: outstandingLoader(), schema: OutstandingItemSchema }),
  /** evaluation/runs/<id>/: one entry per run (its summary), read by /evidence/. */
  runs: defineCollection({ loader: runsLoader(), schema: RunSummarySchema }),
  /** evaluation/imports/: one entry per imported artifact (id = path relative to evaluation/). */
  imports: defineCollection({ loader: importsLoader(), schema: ImportedArtifactSchema }),
  /** The latest evidence per check × target × origin, history marks and drift, distilled from evaluation/ (one entry). */
  statusEvidence: defineCollection({ loader: statusEvidenceLoader(), schema: StatusEvidenceSchema }),
  /** The client guides' setup, generated from content/gateway.yaml. */
  guideSnippets: defineCollection({ loader: guideSnippetsLoader(), schema: GuideSetSchema }),
};
