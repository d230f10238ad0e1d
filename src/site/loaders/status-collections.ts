import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { parse as parseYaml } from 'yaml';
import { CHECKS_DIR } from '../../config/paths.ts';
import { BaselineEntrySchema, BaselineFileSchema, baselineEntryId } from '../../schemas/baseline.ts';
import { OutstandingFileSchema, OutstandingItemSchema } from '../../schemas/outstanding.ts';
import { parseOrThrow } from '../../schemas/parse.ts';
import { deferredLoader } from '../speed/deferred-loader.ts';
import { StatusCheckSchema } from '../../schemas/status-check.ts';
import { StatusEvidenceSchema } from './stored-status-evidence.ts';

/** Parses `content/baseline.yaml` into entries keyed by their stable id. */
function parseBaseline(text: string) {
  const parsed = parseOrThrow(BaselineFileSchema, parseYaml(text), { file: 'content/baseline.yaml', what: 'expected-failure baseline' });
  return parsed.entries.map((entry) => ({ id: baselineEntryId(entry), ...entry }));
}

/** Parses `content/outstanding.yaml` into items keyed by id. */
function parseOutstanding(text: string) {
  return parseOrThrow(OutstandingFileSchema, parseYaml(text), { file: 'content/outstanding.yaml', what: 'outstanding items' }).items;
}

/**
 * Collections the status pages read: the check catalog, the baseline and the outstanding items from content/,
 * and `statusEvidence`, the latest evidence distilled from evaluation/ (one small entry, see digest-loader.ts).
 */
export const statusCollections = {
  statusEvidence: defineCollection({
    loader: deferredLoader<typeof import('./status-digest-loader.ts')>('proofbook-status-evidence', new URL('./status-digest-loader.ts', import.meta.url), (loaders) => loaders.statusEvidenceLoader()),
    schema: StatusEvidenceSchema,
  }),
  checks: defineCollection({
    loader: deferredLoader<typeof import('./check-catalog-loader.ts')>('proofbook-check-catalog', new URL('./check-catalog-loader.ts', import.meta.url), (loaders) => loaders.checkCatalogLoader(CHECKS_DIR)),
    schema: StatusCheckSchema,
  }),
  baseline: defineCollection({ loader: file('content/baseline.yaml', { parser: parseBaseline }), schema: BaselineEntrySchema }),
  outstanding: defineCollection({ loader: file('content/outstanding.yaml', { parser: parseOutstanding }), schema: OutstandingItemSchema }),
};
