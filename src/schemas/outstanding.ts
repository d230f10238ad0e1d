import { z } from 'astro/zod';
import { SiteLinkSchema } from './site-link.ts';
import { OriginSchema } from './evidence.ts';
import { CheckIdSchema } from './check-id.ts';

/**
 * A check that has to pass (fresh) for an item to close, optionally only against one target or from one origin.
 * Written as a bare check id or as an object.
 * @example 'clients.codex-cli'
 * @example { check: 'mcp.tools-list', origin: 'lan-host' }
 */
export const ClosingCheckSchema = z
  .union([
    CheckIdSchema,
    z.object({ check: CheckIdSchema, target: z.string().optional(), origin: OriginSchema.optional() }),
  ])
  .transform((value) => (typeof value === 'string' ? { check: value } : value));

/** One open item carried over from the team's status notes. */
export const OutstandingItemSchema = z.object({
  /** Short stable id. @example 'lan-catalog' */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'Expected a short id such as "lan-catalog"' }),
  /** The item as a reader scans it. */
  title: z.string().min(1),
  /** What is left to do, in a sentence or two. */
  detail: z.string().min(1),
  /** Checks whose fresh passes prove the item done. */
  closes: z.array(ClosingCheckSchema).min(1, { error: 'List at least one check that would close the item' }),
  /** Site path of the page that discusses it. @example '/outstanding/' */
  doc: SiteLinkSchema.optional(),
});

/** `content/outstanding.yaml`. */
export const OutstandingFileSchema = z.object({
  schemaVersion: z.literal(1),
  items: z.array(OutstandingItemSchema),
});

export type ClosingCheck = z.output<typeof ClosingCheckSchema>;
export type OutstandingItem = z.output<typeof OutstandingItemSchema>;
export type OutstandingItemInput = z.input<typeof OutstandingItemSchema>;
