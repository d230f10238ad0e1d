import { defineCollection } from 'astro:content';
import { deferredLoader } from '../loaders/deferred-loader.ts';
import { HighlightedSetSchema } from './highlighted-set.ts';

// `guideSnippets`: the client guides' snippets, highlighted once per change of content/gateway.yaml
// (id = client id, or `secret-setup`; see src/clients/guide-snippets.ts).
export const clientCollections = {
  guideSnippets: defineCollection({
    loader: deferredLoader<typeof import('./snippet-loader.ts')>('proofbook-guide-snippets', new URL('./snippet-loader.ts', import.meta.url), (loaders) => loaders.guideSnippetsLoader()),
    schema: HighlightedSetSchema,
  }),
};
