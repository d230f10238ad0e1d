import { z } from 'astro/zod';
import { CHECK_ID_PATTERN } from './check-id.ts';
import { OriginSchema } from './evidence.ts';

/** A check id, every check whose id starts with `<prefix>.` (`mcp.*`), or every check (`*`). */
export const CheckPatternSchema = z.string().regex(new RegExp(`^(\\*|${CHECK_ID_PATTERN}(\\.\\*)?)$`), {
  error: 'Expected a check id such as "mcp.tools-list", a prefix such as "mcp.*", or "*" for every check',
});

/**
 * Checks an incident or a maintenance window is about, optionally only against one target or from one origin.
 * Written as a bare pattern or as an object.
 * @example 'mcp.*'
 * @example { check: 'mcp.tools-list', target: 'internal', origin: 'sandbox' }
 */
export const CheckScopeSchema = z
  .union([CheckPatternSchema, z.strictObject({ check: CheckPatternSchema, target: z.string().optional(), origin: OriginSchema.optional() })])
  .transform((value) => (typeof value === 'string' ? { check: value } : value));

export type CheckScope = z.output<typeof CheckScopeSchema>;
export type CheckScopeInput = z.input<typeof CheckScopeSchema>;

/** Does a scope cover this check × target × origin? */
export function scopeCovers(scope: CheckScope, row: { checkId: string; target?: string; origin?: string }): boolean {
  const matchesCheck = scope.check === '*' || scope.check === row.checkId || (scope.check.endsWith('.*') && row.checkId.startsWith(scope.check.slice(0, -1)));
  return matchesCheck && (scope.target === undefined || row.target === undefined || scope.target === row.target) && (scope.origin === undefined || row.origin === undefined || scope.origin === row.origin);
}
