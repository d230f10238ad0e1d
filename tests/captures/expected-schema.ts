// expected.yaml: what a careful operator reads from one capture of the corpus (corpus-only, not a product format).
import { z } from 'astro/zod';
import { FailureClassSchema } from '../../src/schemas/evidence.ts';
import { CheckIdSchema } from '../../src/schemas/check-id.ts';

/** Issue 24 adds these classes; the corpus expects them before the product has them. */
const NEW_CLASSES = ['config_invalid', 'auth_env_missing', 'command_not_found'] as const;

/** Every class the corpus may expect: today's classes plus the new ones. */
export const ExpectedFailureClassSchema = z.enum([...new Set<string>([...FailureClassSchema.options, ...NEW_CLASSES])] as [string, ...string[]]);

/** One capture's expected reading. */
export const ExpectedSchema = z
  .object({
    /** The check this capture speaks for. @example 'clients.inspector' */
    checkId: CheckIdSchema,
    /** pass | fail | degraded | error (never expected-fail: baselines are applied later). */
    verdict: z.enum(['pass', 'fail', 'degraded', 'error']),
    /** null on pass. @example 'http_status' */
    failureClass: ExpectedFailureClassSchema.nullable(),
    /** The HTTP status the capture shows, when it shows one. @example 404 */
    status: z.number().int().min(100).max(599).optional(),
    /** How many tools this capture itself lists. */
    tools: z.number().int().nonnegative().optional(),
    /** The capture shows a `nextCursor`: more pages exist than it holds. */
    morePages: z.boolean().optional(),
    /** The stream that decides the reading. */
    decidedBy: z.enum(['stdout', 'stderr', 'exitCode']).optional(),
    /** One sentence on why this is the right reading, from the tool's real behaviour and the check's meaning. */
    why: z.string().min(20),
  })
  .strict()
  .refine((e) => (e.verdict === 'pass') === (e.failureClass === null), { error: 'failureClass is null exactly when verdict is pass' });

export type Expected = z.output<typeof ExpectedSchema>;
