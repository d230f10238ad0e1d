/** Days of marks /status shows per check. */
export const DEFAULT_HISTORY_DAYS = 90;

/** UTC date `days` before `now`, as yyyy-mm-dd. */
export function utcDate(now: Date, daysBack = 0): string {
  return new Date(now.getTime() - daysBack * 86_400_000).toISOString().slice(0, 10);
}
