import { z } from 'astro/zod';
import { CheckIdSchema } from './check-id.ts';


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
