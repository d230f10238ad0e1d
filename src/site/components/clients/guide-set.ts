import { getCollection, getEntry } from 'astro:content';
import { SECRET_SETUP_SET, type GuideSet } from '../../../schemas/guide-set.ts';

/**
 * A stored guide set: a client id, or `secret-setup`. A client id with no set is an author's mistake in a
 * guide, reported with the ids there are; a missing `secret-setup` set is the loader's.
 */
export async function guideSet(id: string): Promise<GuideSet> {
  const entry = await getEntry('guideSnippets', id);
  if (entry) return entry.data as GuideSet;
  if (id === SECRET_SETUP_SET) throw new Error(`guideSnippets has no set "${id}": the guide snippets loader (src/site/loaders/guide-snippets-loader.ts) did not store it`);
  const sets: { id: string }[] = await getCollection('guideSnippets');
  const known = sets.map((set) => set.id).filter((setId) => setId !== SECRET_SETUP_SET);
  throw new Error(`<ClientSetup client="${id}" /> names no client; expected one of ${known.join(', ')}`);
}
