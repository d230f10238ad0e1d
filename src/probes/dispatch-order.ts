import { resolveSseCheck } from '../checks/sse.ts';
import type { Check } from '../schemas/check.ts';

/** How long a check is known to take at least: an SSE capture holds its stream open for its whole window. */
function knownMinimumMs(check: Check, environmentId: string): number {
  return check.kind === 'sse-capture' ? resolveSseCheck(check, environmentId).window : 0;
}

/**
 * The order in which a run starts its checks (indices into `checks`): the ones known to take longest first, the
 * rest in file order. Started last, a 3.5 s capture was the tail of `npm start`'s probe stage; started first, it
 * runs beside everything else. Records still come out in file order.
 */
export function dispatchOrder(checks: readonly Check[], environmentId: string): number[] {
  return checks
    .map((check, index) => ({ index, ms: knownMinimumMs(check, environmentId) }))
    .sort((a, b) => b.ms - a.ms || a.index - b.index)
    .map((entry) => entry.index);
}
