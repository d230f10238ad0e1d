import type { DailyHistory } from '../schemas/history.ts';

/** Days of marks /status shows per check. */
export const DEFAULT_HISTORY_DAYS = 60;

/** One character per day: p pass, d degraded, f fail or error, - no data. */
export type DayMark = 'p' | 'd' | 'f' | '-';

/** UTC date `days` before `now`, as yyyy-mm-dd. */
export function utcDate(now: Date, daysBack = 0): string {
  return new Date(now.getTime() - daysBack * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Per check, a string of day marks over the last `days` UTC days ending today (oldest first).
 * A day with any failure or error is `f`, else any degraded is `d`. Only the window's files are read,
 * so a year of history costs no more than a month.
 */
export function historyStrings(history: readonly DailyHistory[], now: Date, days: number): { from: string; to: string; byCheck: Map<string, string> } {
  const from = utcDate(now, days - 1);
  const to = utcDate(now);
  const dayIndex = new Map<string, number>();
  for (let i = 0; i < days; i++) dayIndex.set(utcDate(now, days - 1 - i), i);
  const marks = new Map<string, DayMark[]>();
  for (const day of history) {
    const index = dayIndex.get(day.date);
    if (index === undefined) continue;
    for (const bucket of day.buckets) {
      const row = marks.get(bucket.checkId) ?? Array<DayMark>(days).fill('-');
      marks.set(bucket.checkId, row);
      const mark: DayMark = bucket.fail + bucket.error > 0 ? 'f' : bucket.degraded > 0 ? 'd' : bucket.pass > 0 ? 'p' : '-';
      row[index] = worseMark(row[index]!, mark);
    }
  }
  return { from, to, byCheck: new Map([...marks].map(([id, row]) => [id, row.join('')])) };
}

const MARK_RANK: Record<DayMark, number> = { f: 0, d: 1, p: 2, '-': 3 };

function worseMark(a: DayMark, b: DayMark): DayMark {
  return MARK_RANK[a] <= MARK_RANK[b] ? a : b;
}
