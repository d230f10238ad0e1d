// Every collection of the site: the docs, the team's content files read by the probe's own readers, the evidence
// over evaluation/, and the client guides' snippets. Loaders whose code is heavy are imported by Node itself when
// they first run (src/site/speed/deferred-loader.ts says why).
import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { BaselineEntrySchema } from './schemas/baseline.ts';
import { HighlightedSetSchema } from './schemas/highlighted-set.ts';
import { ImportedArtifactSchema } from './schemas/imported-artifact.ts';
import { OutstandingItemSchema } from './schemas/outstanding.ts';
import { PageFrontmatterSchema } from './schemas/page-frontmatter.ts';
import { RunSummarySchema } from './schemas/run-summary.ts';
import { StatusCheckSchema } from './schemas/status-check.ts';
import { sharedDocsSchema } from './site/docs-schema.ts';
import { StatusEvidenceSchema } from './site/loaders/stored-status-evidence.ts';
import { deferredLoader } from './site/speed/deferred-loader.ts';

type Loaders<M> = (module: M) => import('astro/loaders').Loader;
const deferred = <M>(name: string, file: string, make: Loaders<M>) => deferredLoader<M>(name, new URL(file, import.meta.url), make);

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: sharedDocsSchema({ extend: PageFrontmatterSchema }) }),
  /** content/checks/*.yaml, one entry per check (what /status shows of it). */
  checks: defineCollection({
    loader: deferred<typeof import('./site/loaders/content-file-loaders.ts')>('proofbook-check-catalog', './site/loaders/content-file-loaders.ts', (m) => m.checkCatalogLoader()),
    schema: StatusCheckSchema,
  }),
  /** content/baseline.yaml, one entry per expected failure. */
  baseline: defineCollection({
    loader: deferred<typeof import('./site/loaders/content-file-loaders.ts')>('proofbook-baseline', './site/loaders/content-file-loaders.ts', (m) => m.baselineLoader()),
    schema: BaselineEntrySchema,
  }),
  /** content/outstanding.yaml, one entry per open item. */
  outstanding: defineCollection({
    loader: deferred<typeof import('./site/loaders/content-file-loaders.ts')>('proofbook-outstanding', './site/loaders/content-file-loaders.ts', (m) => m.outstandingLoader()),
    schema: OutstandingItemSchema,
  }),
  /** evaluation/runs/<id>/: one entry per run (its summary), read by /evidence/. */
  runs: defineCollection({
    loader: deferred<typeof import('./site/loaders/runs-loader.ts')>('proofbook-runs-loader', './site/loaders/runs-loader.ts', (m) => m.runsLoader()),
    schema: RunSummarySchema,
  }),
  /** evaluation/imports/: one entry per imported artifact (id = path relative to evaluation/). */
  imports: defineCollection({
    loader: deferred<typeof import('./site/loaders/imports-loader.ts')>('proofbook-imports-loader', './site/loaders/imports-loader.ts', (m) => m.importsLoader()),
    schema: ImportedArtifactSchema,
  }),
  /** The latest evidence per check × target × origin, history marks and drift, distilled from evaluation/ (one entry). */
  statusEvidence: defineCollection({
    loader: deferred<typeof import('./site/loaders/status-digest-loader.ts')>('proofbook-status-evidence', './site/loaders/status-digest-loader.ts', (m) => m.statusEvidenceLoader()),
    schema: StatusEvidenceSchema,
  }),
  /** The client guides' setup, generated from content/gateway.yaml and highlighted once per change. */
  guideSnippets: defineCollection({
    loader: deferred<typeof import('./site/loaders/guide-snippets-loader.ts')>('proofbook-guide-snippets', './site/loaders/guide-snippets-loader.ts', (m) => m.guideSnippetsLoader()),
    schema: HighlightedSetSchema,
  }),
};
