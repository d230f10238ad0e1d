import { z } from 'astro/zod';
import { SiteLinkSchema } from './site-link.ts';
import { FailureClassSchema, OriginSchema } from './evidence.ts';
import { CheckIdSchema } from './check-id.ts';

/**
 * One known limitation: a failure we expect and have explained. A matching failing record shows as
 * `expected-fail`; when every record it matches passes again, /status flags the entry as stale.
 */
export const BaselineEntrySchema = z.object({
  /** Check the failure belongs to. @example 'mcp.tools-list' */
  check: CheckIdSchema,
  /** Gateway environment it applies to; every environment when left out. @example 'internal' */
  target: z.string().optional(),
  /** Origin it applies to; every origin when left out. @example 'sandbox' */
  origin: OriginSchema.optional(),
  /**
   * The failure expected, by class: any other failure of the check is a real failure. @example 'dns'
   */
  failureClass: FailureClassSchema,
  /** With `failureClass: http_status`, the status expected; any status when left out. @example 404 */
  status: z.number().int().min(100).max(599).optional(),
  /** Why the failure is expected, in one or two sentences a reader understands. */
  reason: z.string().min(1),
  /** Site path or URL of the page that explains it. @example '/runbooks/reachability/' */
  doc: SiteLinkSchema,
  /** When the failure was first accepted (UTC date). @example '2025-09-18' */
  since: z.iso.date(),
});

/** `content/baseline.yaml`: the expected-failure baseline. */
export const BaselineFileSchema = z.object({
  schemaVersion: z.literal(1),
  entries: z.array(BaselineEntrySchema),
});

export type BaselineEntry = z.output<typeof BaselineEntrySchema>;
export type BaselineEntryInput = z.input<typeof BaselineEntrySchema>;

/** Stable id of a baseline entry, used as the collection entry id. @example 'mcp.tools-list@internal@sandbox' */
export function baselineEntryId(entry: Pick<BaselineEntry, 'check' | 'target' | 'origin'>): string {
  return `${entry.check}@${entry.target ?? '*'}@${entry.origin ?? '*'}`;
}
