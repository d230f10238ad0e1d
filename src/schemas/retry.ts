import { z } from 'astro/zod';
import { DurationSchema } from './duration.ts';

/**
 * How a check retries a failure before its verdict is recorded (issue 28: flaky is not failing). A `fail` or
 * `error` is tried again up to `count` times; a pass on a later attempt is recorded as a pass with every attempt
 * kept, and /status shows it as `flaky`, not red. `degraded` is an answer, not a failure: it is not retried.
 */
export const RetryPolicySchema = z
  .strictObject({
    /** Further attempts after a failed one; 0 turns retrying off. @example 1 */
    count: z.number().int().min(0).max(5).default(1),
    /** Wait before the first retry; each further retry waits twice as long. @example '2s' */
    backoff: DurationSchema.prefault('1s'),
  })
  .prefault({});

export type RetryPolicy = z.output<typeof RetryPolicySchema>;
export type RetryPolicyInput = z.input<typeof RetryPolicySchema>;
