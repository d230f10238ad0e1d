import { defineCollection } from 'astro:content';
import { HighlightedSetSchema } from './guide-snippets.ts';
import { guideSnippetsLoader } from './snippet-loader.ts';

// `guideSnippets`: the client guides' snippets, highlighted once per change of content/gateway.yaml
// (id = client id, or `secret-setup`; see src/clients/guide-snippets.ts).
export const clientCollections = {
  guideSnippets: defineCollection({ loader: guideSnippetsLoader(), schema: HighlightedSetSchema }),
};
