import { z } from 'astro/zod';
import { DurationSchema } from './duration.ts';
import { CheckIdSchema } from './check-id.ts';
import { RetryPolicySchema } from './retry.ts';
import { SiteLinkSchema } from './site-link.ts';

/** Evidence older than this is stale unless a check sets its own window. */
export const DEFAULT_FRESHNESS = '24h';

/** Fields every check has, whatever its kind. Kind-specific fields are in `check.ts`. */
export const CheckBaseSchema = z.object({
  /** Stable id used in evidence, runbook frontmatter and `:check[…]` directives. @example 'mcp.tools-list' */
  id: CheckIdSchema,
  /** One line a reader understands. @example 'MCP tools/list returns tools for every scoped server' */
  title: z.string().min(1),
  /** Why the check exists, in a sentence or two (shown on /status). */
  description: z.string().optional(),
  /** Group on the status page; defaults to the name of the file the check is in (`routing.yaml` → `routing`). */
  group: z.string().optional(),
  /** How long a result stays fresh. @example '6h' */
  freshness: DurationSchema.prefault(DEFAULT_FRESHNESS),
  /** Environments this check runs against; all of them when left out. */
  environments: z.array(z.string()).optional(),
  /** Docs page that explains what to do when it fails, as a site path. @example '/runbooks/capturing-the-tool-catalog/' */
  docs: SiteLinkSchema.optional(),
  /** Hard deadline for one probe of this check. @example '10s' */
  timeout: DurationSchema.prefault('10s'),
  /** Retries of a failure before it is recorded; one retry after 1 s unless set. @example { count: 2, backoff: '5s' } */
  retry: RetryPolicySchema,
});

export type CheckBase = z.output<typeof CheckBaseSchema>;
