import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import type { z } from 'astro/zod';
import xxhash from 'xxhash-wasm';
// Astro's own data store (not exported from the package): the real thing the content layer uses.
import { MutableDataStore } from '../../node_modules/astro/dist/content/mutable-data-store.js';

/** Log lines a loader wrote, by level. */
export interface LoggedLines {
  info: string[];
  warn: string[];
  error: string[];
}

/** A LoaderContext over Astro's MutableDataStore, with parseData counting how often it validated. */
export interface TestLoaderContext {
  ctx: LoaderContext;
  store: MutableDataStore;
  logs: LoggedLines;
  parses: () => number;
}

const { h64ToString } = await xxhash();

/** A fresh store, or a persisted one (`MutableDataStore.fromString`), as a sync in a new process would see it. */
export async function makeStore(serialised?: string): Promise<MutableDataStore> {
  return serialised ? MutableDataStore.fromString(serialised) : new MutableDataStore();
}

/** Builds the context Astro's content layer passes to `load()`, for `collection` validated by `schema`. */
export function makeLoaderContext(store: MutableDataStore, collection: string, schema: z.ZodType, root: string): TestLoaderContext {
  const logs: LoggedLines = { info: [], warn: [], error: [] };
  let parses = 0;
  const ctx = {
    collection,
    store: store.scopedStore(collection),
    meta: store.metaStore(collection),
    logger: {
      info: (m: string) => logs.info.push(m),
      warn: (m: string) => logs.warn.push(m),
      error: (m: string) => logs.error.push(m),
      debug: () => undefined,
      label: collection,
      options: {},
      fork: () => ctx.logger,
    },
    config: { root: pathToFileURL(root.endsWith('/') ? root : `${root}/`) },
    parseData: async ({ data }: { data: Record<string, unknown> }) => {
      parses++;
      return (await schema.parseAsync(data)) as Record<string, unknown>;
    },
    generateDigest: (data: Record<string, unknown> | string) => h64ToString(typeof data === 'string' ? data : JSON.stringify(data)),
    renderMarkdown: async () => ({ html: '' }),
  } as unknown as LoaderContext;
  return { ctx, store, logs, parses: () => parses };
}
