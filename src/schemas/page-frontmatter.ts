import { z } from 'astro/zod';

/** A check id as written in `content/checks/*.yaml`: dotted lowercase words, e.g. `mcp.tools-list`. */
export const CheckIdSchema = z
  .string()
  .regex(/^[a-z0-9_]+(?:[.-][a-z0-9_]+)*$/, {
    error: 'check ids are lowercase words joined by "." or "-", e.g. "mcp.tools-list"',
  });

/** Proofbook's additions to Starlight's docs frontmatter. */
export const PageFrontmatterSchema = z.object({
  /**
   * Checks whose evidence backs the claims on this page. The page shows how fresh that evidence is
   * and turns into a caution banner when any of it is failing, stale or missing.
   * @example ['routing.open-paths', 'mcp.tools-list']
   */
  checks: z.array(CheckIdSchema).default([]),
  /**
   * What kind of page this is, for the sidebar and the status page.
   * @example 'runbook'
   */
  kind: z.enum(['runbook', 'client-guide', 'reference', 'overview']).default('reference'),
});

export type PageFrontmatter = z.output<typeof PageFrontmatterSchema>;
export type PageFrontmatterInput = z.input<typeof PageFrontmatterSchema>;
