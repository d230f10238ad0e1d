import { DAY, dayMark, dayRuns, uptimePercent, type DayMark } from './uptime.ts';
import type { DayCounts } from './model.ts';
import { escapeXml, formatUptime } from './present.ts';

/** Words for a day's mark, as the bar's labels and legend say them. */
export const MARK_LABEL: Record<DayMark, string> = {
  p: 'passing',
  y: 'flaky (passed after a retry)',
  d: 'degraded',
  f: 'failures',
  m: 'maintenance',
  x: 'only expected failures',
  '-': 'no runs',
};

/** Fill colours of the marks, chosen to read on light and dark backgrounds alike (the bar image cannot see the theme). */
export const MARK_COLOR: Record<DayMark, string> = { p: '#2d7d3a', y: '#8a4b8f', d: '#c25e00', f: '#b3261e', m: '#0b6e80', x: '#3f6cb4', '-': '#8c8c8c' };

/** The UTC date `index` days after `from` (yyyy-mm-dd). */
export function dateAt(from: string, index: number): string {
  return new Date(Date.parse(`${from}T00:00:00Z`) + index * 86_400_000).toISOString().slice(0, 10);
}

/** What one day says in words: `2026-11-24: 97.22% up over 72 runs; 2 failures, 1 in maintenance`. */
export function dayLabel(date: string, day: DayCounts): string {
  const runs = dayRuns(day);
  if (runs === 0) return `${date}: no runs`;
  const uptime = uptimePercent(day[DAY.pass] + day[DAY.degraded], day[DAY.fail]);
  const notes = [
    day[DAY.fail] > 0 ? `${day[DAY.fail]} failure${day[DAY.fail] === 1 ? '' : 's'}` : '',
    day[DAY.degraded] > 0 ? `${day[DAY.degraded]} degraded` : '',
    day[DAY.flaky] > 0 ? `${day[DAY.flaky]} passed after a retry` : '',
    day[DAY.maintenance] > 0 ? `${day[DAY.maintenance]} failed in maintenance` : '',
    day[DAY.expected] > 0 ? `${day[DAY.expected]} expected failure${day[DAY.expected] === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  return `${date}: ${uptime === null ? 'no uptime (every failure left out)' : `${formatUptime(uptime)} up`} over ${runs} run${runs === 1 ? '' : 's'}${notes.length ? `; ${notes.join(', ')}` : ''}`;
}

/** The bar in one sentence: how many days had each mark. */
export function barSummary(history: string): string {
  const counts = new Map<DayMark, number>();
  for (const mark of history as Iterable<DayMark>) counts.set(mark, (counts.get(mark) ?? 0) + 1);
  const order: DayMark[] = ['f', 'm', 'd', 'y', 'x', 'p', '-'];
  return `${history.length} days: ${order.filter((mark) => counts.has(mark)).map((mark) => `${counts.get(mark)} ${MARK_LABEL[mark]}`).join(', ')}`;
}

/**
 * The bar as a small SVG file (`/status/bars/<check>.svg`): a cell per day, runs of one mark merged into one path.
 * /status shows it as an image linked to the group page, where every day is a cell with its own text label.
 */
export function renderBarSvg(checkId: string, history: string, days: readonly DayCounts[], from: string): string {
  const cell = 3;
  const width = history.length * cell;
  const label = escapeXml(`${checkId}, ${barSummary(history)}`);
  const marks = [...new Set(history)] as DayMark[];
  const paths = marks.map((mark) => {
    let d = '';
    for (let i = 0; i < history.length; i++) if (history[i] === mark) d += `M${i * cell} 0h${cell - 0.5}v16h-${cell - 0.5}z`;
    return `<path fill="${MARK_COLOR[mark]}" d="${d}"/>`;
  });
  // Titles make the cells readable when the file is opened on its own.
  const titles = days.map((day, i) => `<rect x="${i * cell}" width="${cell}" height="16" fill-opacity="0"><title>${escapeXml(dayLabel(dateAt(from, i), day))}</title></rect>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="16" viewBox="0 0 ${width} 16" role="img" aria-label="${label}"><title>${label}</title>${paths.join('')}${titles.join('')}</svg>`;
}
