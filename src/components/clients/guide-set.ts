import { getEntry } from 'astro:content';
import type { HighlightedSet } from '../../clients/highlighted-set.ts';

/** A stored guide set (client id or `secret-setup`); a missing one is an error naming it. */
export async function guideSet(id: string): Promise<HighlightedSet> {
  const entry = await getEntry('guideSnippets', id);
  if (!entry) throw new Error(`guideSnippets has no set "${id}": the guide snippets loader (src/clients/snippet-loader.ts) did not store it`);
  return entry.data as HighlightedSet;
}
