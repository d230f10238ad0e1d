import { z } from 'astro/zod';

/** One stored entry of the `guideSnippets` collection: a set's snippets with their highlighted HTML (src/clients/guide-snippets.ts). */
export const HighlightedSetSchema = z.object({ blocks: z.array(z.object({ lang: z.string(), title: z.string(), code: z.string(), html: z.string() })) });
export type HighlightedSet = z.output<typeof HighlightedSetSchema>;
