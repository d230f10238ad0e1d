import type { DataStore, Loader } from 'astro/loaders';

// Astro's getCollection() logs `The collection "runs" does not exist or is empty` for a collection that holds no
// entry, and a build of a fresh clone has no runs yet: a warning that asks a newcomer to check a config that is
// fine. An empty collection is a normal state here, so the loaders leave it registered (an empty map in the data
// store), which is what getCollection() looks for before it warns.
const PLACEHOLDER_ID = '(registered)';

/** Leaves the loader's collection registered in the data store even when it holds no entry. */
export function keepRegistered(store: DataStore): void {
  if (store.keys().length > 0) return;
  store.set({ id: PLACEHOLDER_ID, data: {} });
  store.delete(PLACEHOLDER_ID);
}

/**
 * A collection with no entries that is still registered: for Starlight's `i18n` collection, which Starlight reads
 * for UI string overrides. The site has none (English defaults); defining the collection keeps Starlight from
 * warning that it is missing, and this loader keeps the glob loader from warning that `content/i18n/` is.
 */
export function noEntriesLoader(name: string): Loader {
  return { name, load: async ({ store }) => keepRegistered(store) };
}
