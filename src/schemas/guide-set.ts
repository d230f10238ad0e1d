import { z } from 'astro/zod';

/** Entry id of the key setup's set; the others are client ids. */
export const SECRET_SETUP_SET = 'secret-setup';

/** One generated snippet; `env` is the guide environment it belongs to (none for the key setup). */
const GuideSnippetSchema = z.object({
  env: z.string().optional(),
  id: z.string(),
  os: z.enum(['any', 'unix', 'windows']),
  title: z.string(),
  lang: z.string(),
  code: z.string(),
});

/**
 * One stored entry of the `guideSnippets` collection (src/clients/guide-snippets.ts): everything a guide shows
 * of a client's generated setup, per guide environment, or (entry `secret-setup`) the key setup.
 */
export const GuideSetSchema = z.object({
  setups: z.array(
    z.object({
      env: z.string(),
      label: z.string(),
      notes: z.string().optional(),
      steps: z.array(z.string()),
      sends: z.object({ url: z.string(), headers: z.record(z.string(), z.string()) }),
    }),
  ),
  snippets: z.array(GuideSnippetSchema),
});
export type GuideSet = z.output<typeof GuideSetSchema>;
export type GuideSnippet = z.output<typeof GuideSnippetSchema>;
