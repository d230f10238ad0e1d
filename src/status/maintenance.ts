import { Cron } from 'croner';
import { scopeCovers, type CheckScope } from '../schemas/check-scope.ts';
import type { MaintenanceWindow } from '../schemas/maintenance.ts';
import type { MaintenanceStatus } from './model.ts';

/** One opening of a maintenance window, in epoch milliseconds. */
export interface MaintenanceInterval {
  id: string;
  start: number;
  end: number;
  affects: CheckScope[];
}

/** A recurring window opens at most this many times in one range; a pattern that opens more often is cut there. */
const MAX_OCCURRENCES = 5_000;

/** The openings of one window that overlap [fromMs, toMs), oldest first. */
export function occurrences(window: MaintenanceWindow, fromMs: number, toMs: number): { start: number; end: number }[] {
  if (window.start !== undefined) {
    const start = Date.parse(window.start);
    const end = window.end !== undefined ? Date.parse(window.end) : start + window.duration!;
    return end > fromMs && start < toMs ? [{ start, end }] : [];
  }
  const duration = window.duration!;
  const bounds = { from: window.from ? Date.parse(window.from) : -Infinity, until: window.until ? Date.parse(window.until) : Infinity };
  const cron = new Cron(window.cron!, { timezone: window.timezone, paused: true });
  const found: { start: number; end: number }[] = [];
  // An opening that started up to one duration before the range still overlaps it.
  let cursor = new Date(Math.max(fromMs - duration, bounds.from) - 1);
  while (found.length < MAX_OCCURRENCES) {
    const next = cron.nextRun(cursor);
    if (!next || next.getTime() >= Math.min(toMs, bounds.until)) break;
    const start = next.getTime();
    if (start + duration > fromMs) found.push({ start, end: start + duration });
    cursor = next;
  }
  return found;
}

/** Every opening of every window that overlaps [fromMs, toMs). */
export function expandWindows(windows: readonly MaintenanceWindow[], fromMs: number, toMs: number): MaintenanceInterval[] {
  return windows.flatMap((window) => occurrences(window, fromMs, toMs).map(({ start, end }) => ({ id: window.id, start, end, affects: window.affects })));
}

/** Does an opening cover this check × target × origin? */
export function intervalCovers(interval: Pick<MaintenanceInterval, 'affects'>, row: { checkId: string; target: string; origin: string }): boolean {
  return interval.affects.some((scope) => scopeCovers(scope, row));
}

/** The opening this check × target × origin was in at `atMs`, if any. */
export function windowAt(intervals: readonly MaintenanceInterval[], row: { checkId: string; target: string; origin: string }, atMs: number): MaintenanceInterval | undefined {
  return intervals.find((interval) => interval.start <= atMs && atMs < interval.end && intervalCovers(interval, row));
}

/** How much of [from, to] (a point when equal) the openings covering `row` take up, from 0 to 1. */
export function coveredFraction(intervals: readonly MaintenanceInterval[], row: { checkId: string; target: string; origin: string }, from: number, to: number): number {
  const covering = intervals.filter((interval) => interval.end > from && interval.start <= to && intervalCovers(interval, row));
  if (covering.length === 0) return 0;
  if (to <= from) return covering.some((interval) => interval.start <= from && from < interval.end) ? 1 : 0;
  // Openings of different windows may overlap: merge them before measuring.
  const spans = covering.map((interval) => [Math.max(from, interval.start), Math.min(to, interval.end)] as const).sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let [openAt, closeAt] = spans[0]!;
  for (const [start, end] of spans.slice(1)) {
    if (start > closeAt) {
      covered += closeAt - openAt;
      [openAt, closeAt] = [start, end];
    } else closeAt = Math.max(closeAt, end);
  }
  covered += closeAt - openAt;
  return Math.min(1, covered / (to - from));
}

const DAY = 86_400_000;

/**
 * Each window as /status lists it: open now (`active`), its next opening (`upcoming`), or its last one (`past`,
 * when it will not open again and closed within `pastDays`). Active first, then upcoming by start, then past.
 */
export function maintenanceStatuses(windows: readonly MaintenanceWindow[], now: Date, checkIds: readonly string[], pastDays: number): MaintenanceStatus[] {
  const nowMs = now.getTime();
  const statuses: MaintenanceStatus[] = [];
  for (const window of windows) {
    const open = occurrences(window, nowMs, nowMs + 1)[0];
    const next = open ?? occurrences(window, nowMs, nowMs + 400 * DAY).find((occurrence) => occurrence.start > nowMs);
    const last = next ? undefined : occurrences(window, nowMs - pastDays * DAY, nowMs).at(-1);
    const shown = open ?? next ?? last;
    if (!shown) continue;
    statuses.push({
      id: window.id,
      title: window.title,
      ...(window.description ? { description: window.description } : {}),
      affects: window.affects,
      state: open ? 'active' : next ? 'upcoming' : 'past',
      start: new Date(shown.start).toISOString(),
      end: new Date(shown.end).toISOString(),
      ...(window.cron ? { recurrence: { cron: window.cron, timezone: window.timezone!, durationMs: window.duration! } } : {}),
      checks: checkIds.filter((checkId) => window.affects.some((scope) => scopeCovers(scope, { checkId }))),
    });
  }
  const rank = { active: 0, upcoming: 1, past: 2 } as const;
  return statuses.sort((a, b) => rank[a.state] - rank[b.state] || (a.state === 'past' ? b.end.localeCompare(a.end) : a.start.localeCompare(b.start)));
}
