// Every collection of the site: the docs, the team's content files read by the probe's own readers, the evidence
// over evaluation/, and the client guides' snippets.
import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { i18nSchema } from '@astrojs/starlight/schema';
import { BaselineEntrySchema } from './schemas/baseline.ts';
import { GuideSetSchema } from './schemas/guide-set.ts';
import { ImportedArtifactSchema } from './schemas/imported-artifact.ts';
import { IncidentSchema } from './schemas/incident.ts';
import { MaintenanceWindowSchema } from './schemas/maintenance.ts';
import { OutstandingItemSchema } from './schemas/outstanding.ts';
import { PageFrontmatterSchema } from './schemas/page-frontmatter.ts';
import { RunSummarySchema } from './schemas/run-summary.ts';
import { RunbookBlockSchema } from './schemas/runbook.ts';
import { StatusCheckSchema } from './schemas/status-check.ts';
import { sharedDocsSchema } from './site/docs-schema.ts';
import { baselineLoader, checkCatalogLoader, incidentsLoader, maintenanceLoader, outstandingLoader } from './site/loaders/content-file-loaders.ts';
import { guideSnippetsLoader } from './site/loaders/guide-snippets-loader.ts';
import { importsLoader } from './site/loaders/imports-loader.ts';
import { noEntriesLoader } from './site/loaders/registered-when-empty.ts';
import { runbookBlocksLoader } from './site/loaders/runbook-blocks-loader.ts';
import { runsLoader } from './site/loaders/runs-loader.ts';
import { statusEvidenceLoader } from './site/loaders/status-digest-loader.ts';
import { StatusEvidenceSchema } from './site/loaders/stored-status-evidence.ts';

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: sharedDocsSchema({ extend: PageFrontmatterSchema }) }),
  /** Starlight's UI string overrides: none (English defaults), but Starlight asks for the collection. */
  i18n: defineCollection({ loader: noEntriesLoader('proofbook-i18n'), schema: i18nSchema() }),
  /** content/checks/*.yaml, one entry per check (what /status shows of it). */
  checks: defineCollection({ loader: checkCatalogLoader(), schema: StatusCheckSchema }),
  /** content/baseline.yaml, one entry per expected failure. */
  baseline: defineCollection({ loader: baselineLoader(), schema: BaselineEntrySchema }),
  /** content/outstanding.yaml, one entry per open item. */
  outstanding: defineCollection({ loader: outstandingLoader(), schema: OutstandingItemSchema }),
  /** content/incidents/*.md, one entry per incident, its body rendered. */
  incidents: defineCollection({ loader: incidentsLoader(), schema: IncidentSchema }),
  /** content/maintenance.yaml, one entry per maintenance window. */
  maintenance: defineCollection({ loader: maintenanceLoader(), schema: MaintenanceWindowSchema }),
  /** The runnable blocks of the docs pages (```bash run=ci …), one entry per block: checks of the `runbooks` group. */
  runbookBlocks: defineCollection({ loader: runbookBlocksLoader(), schema: RunbookBlockSchema }),
  /** evaluation/runs/<id>/: one entry per run (its summary), read by /evidence/. */
  runs: defineCollection({ loader: runsLoader(), schema: RunSummarySchema }),
  /** evaluation/imports/: one entry per imported artifact (id = path relative to evaluation/). */
  imports: defineCollection({ loader: importsLoader(), schema: ImportedArtifactSchema }),
  /** The latest evidence per check × target × origin, history marks and drift, distilled from evaluation/ (one entry). */
  statusEvidence: defineCollection({ loader: statusEvidenceLoader(), schema: StatusEvidenceSchema }),
  /** The client guides' setup, generated from content/gateway.yaml. */
  guideSnippets: defineCollection({ loader: guideSnippetsLoader(), schema: GuideSetSchema }),
};
