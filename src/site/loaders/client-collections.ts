import { defineCollection } from 'astro:content';
import { deferredLoader } from '../speed/deferred-loader.ts';
import { HighlightedSetSchema } from '../../schemas/highlighted-set.ts';

// `guideSnippets`: the client guides' snippets, highlighted once per change of content/gateway.yaml
// (id = client id, or `secret-setup`; see src/clients/guide-snippets.ts).
export const clientCollections = {
  guideSnippets: defineCollection({
    loader: deferredLoader<typeof import('./guide-snippets-loader.ts')>('proofbook-guide-snippets', new URL('./guide-snippets-loader.ts', import.meta.url), (loaders) => loaders.guideSnippetsLoader()),
    schema: HighlightedSetSchema,
  }),
};
