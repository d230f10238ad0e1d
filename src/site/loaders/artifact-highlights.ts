import type { LoaderContext } from 'astro/loaders';
import { createHash } from 'node:crypto';
import { renderCodeBlocks } from '../markdown/code-document.ts';
import type { ArtifactDocument } from './status-digest-compute.ts';
import { STORED_VERSION } from './stored-status-evidence.ts';

/**
 * The evidence pages' highlighted artifacts, made by the status digest loader in the content layer
 * (src/site/markdown/code-document.ts) rather than by `<Code>` at page render: one Markdown document per run that
 * gets a page, kept with its digest, so a rebuild highlights only new runs. The page matches a stored block
 * to the artifact it shows by the hash of its preview text and highlights anything else itself.
 */

/** Entry id, in the `statusEvidence` collection, of one run's highlighted artifacts. */
export const artifactsEntryId = (runId: string): string => `artifacts:${runId}`;
const ENTRY_PREFIX = artifactsEntryId('');

/** One highlighted artifact: its path in evaluation/, the hash of the preview text it was made from, the HTML. */
export interface ArtifactHighlight {
  path: string;
  sha256: string;
  html: string;
}

/**
 * Highlights the artifacts of the evidence-page runs the digest read (`documents`), keeping the entries whose
 * documents are unchanged and deleting those of runs that no longer get a page; returns how many runs were
 * highlighted.
 */
export async function storeArtifactHighlights(ctx: LoaderContext, documents: readonly ArtifactDocument[], pageRuns: ReadonlySet<string>): Promise<number> {
  let highlighted = 0;
  for (const { runId, blocks } of documents) {
    const id = artifactsEntryId(runId);
    const digestHash = ctx.generateDigest({ version: STORED_VERSION, blocks });
    if (ctx.store.get(id)?.digest === digestHash) continue;
    const html = await renderCodeBlocks(ctx.renderMarkdown, blocks, `evidence artifacts of run ${runId}`);
    const highlights: ArtifactHighlight[] = blocks.map((block, i) => ({ path: block.path, sha256: previewHash(block.code), html: html[i]! }));
    const data = { schemaVersion: STORED_VERSION, json: JSON.stringify(highlights) };
    ctx.store.set({ id, data: await ctx.parseData({ id, data }), digest: digestHash });
    highlighted++;
  }
  for (const id of ctx.store.keys()) if (id.startsWith(ENTRY_PREFIX) && !pageRuns.has(id.slice(ENTRY_PREFIX.length))) ctx.store.delete(id);
  return highlighted;
}

/** A stored entry's highlights by artifact path. */
export function decodeArtifactHighlights(json: string): Map<string, ArtifactHighlight> {
  return new Map((JSON.parse(json) as ArtifactHighlight[]).map((highlight) => [highlight.path, highlight]));
}

/** The stored HTML for an artifact whose preview text is `text`, or undefined when none matches it. */
export function highlightFor(highlights: ReadonlyMap<string, ArtifactHighlight>, path: string, text: string): string | undefined {
  const stored = highlights.get(path);
  return stored && stored.sha256 === previewHash(text) ? stored.html : undefined;
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
