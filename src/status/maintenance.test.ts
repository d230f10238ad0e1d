import { describe, expect, test } from 'vitest';
import { NOW } from '../../tests/support/evidence-fixtures.ts';
import { MaintenanceWindowSchema, type MaintenanceWindowInput } from '../schemas/maintenance.ts';
import { coveredFraction, expandWindows, maintenanceStatuses, occurrences, windowAt } from './maintenance.ts';

const parse = (window: MaintenanceWindowInput) => MaintenanceWindowSchema.parse(window);
const iso = (ms: number) => new Date(ms).toISOString();
const DAY = 86_400_000;
const weekly = parse({ id: 'restart', title: 'Restart', affects: [{ check: '*', target: 'internal' }], cron: '0 5 * * SUN', timezone: 'Europe/Berlin', duration: '15m' });

describe('maintenance windows', () => {
  test('a recurring window opens at its cron time in its own time zone, across a DST change', () => {
    const opened = occurrences(weekly, Date.parse('2026-03-20T00:00:00Z'), Date.parse('2026-04-06T00:00:00Z'));
    // 05:00 in Berlin is 04:00 UTC in winter and 03:00 UTC from 29 March (summer time).
    expect(opened.map(({ start, end }) => [iso(start), iso(end)])).toEqual([
      ['2026-03-22T04:00:00.000Z', '2026-03-22T04:15:00.000Z'],
      ['2026-03-29T03:00:00.000Z', '2026-03-29T03:15:00.000Z'],
      ['2026-04-05T03:00:00.000Z', '2026-04-05T03:15:00.000Z'],
    ]);
  });

  test('an opening that began before the range but is still open is found, and from/until bound a recurrence', () => {
    expect(occurrences(weekly, Date.parse('2026-03-22T04:10:00Z'), Date.parse('2026-03-22T05:00:00Z')).length).toBe(1);
    const bounded = parse({ id: 'b', title: 'B', affects: ['*'], cron: '0 0 * * *', timezone: 'UTC', duration: '1h', from: '2026-03-02T00:00:00Z', until: '2026-03-04T00:00:00Z' });
    expect(occurrences(bounded, Date.parse('2026-03-01T00:00:00Z'), Date.parse('2026-03-10T00:00:00Z')).map(({ start }) => iso(start))).toEqual(['2026-03-02T00:00:00.000Z', '2026-03-03T00:00:00.000Z']);
  });

  test('a one-off window, by duration or end; which rows it covers, and how much of a span', () => {
    const upgrade = parse({ id: 'upgrade', title: 'Upgrade', affects: ['mcp.*', { check: 'sse.heartbeat', origin: 'lan-host' }], start: '2026-11-24T14:00:00+01:00', duration: '2h' });
    const intervals = expandWindows([upgrade, weekly], NOW.getTime() - 2 * DAY, NOW.getTime());
    expect(intervals.filter((interval) => interval.id === 'upgrade').map(({ start, end }) => [iso(start), iso(end)])).toEqual([['2026-11-24T13:00:00.000Z', '2026-11-24T15:00:00.000Z']]);
    const at = Date.parse('2026-11-24T14:00:00Z');
    expect(windowAt(intervals, { checkId: 'mcp.tools-list', target: 'demo', origin: 'ci' }, at)?.id).toBe('upgrade');
    expect(windowAt(intervals, { checkId: 'sse.heartbeat', target: 'internal', origin: 'sandbox' }, at)).toBeUndefined();
    expect(windowAt(intervals, { checkId: 'sse.heartbeat', target: 'internal', origin: 'lan-host' }, at)?.id).toBe('upgrade');
    expect(windowAt(intervals, { checkId: 'mcp.tools-list', target: 'demo', origin: 'ci' }, Date.parse('2026-11-24T15:00:00Z'))).toBeUndefined();
    expect(coveredFraction(intervals, { checkId: 'mcp.x', target: 't', origin: 'o' }, Date.parse('2026-11-24T12:00:00Z'), Date.parse('2026-11-24T14:00:00Z'))).toBe(0.5);
  });

  test('/status lists the open window first, then the next openings, then windows that will not open again', () => {
    const windows = [
      weekly,
      parse({ id: 'open', title: 'Open now', affects: ['*'], start: '2026-11-24T14:30:00Z', duration: '1h' }),
      parse({ id: 'done', title: 'Done', affects: ['*'], start: '2026-11-20T10:00:00Z', end: '2026-11-20T11:00:00Z' }),
      parse({ id: 'long-ago', title: 'Long ago', affects: ['*'], start: '2026-01-01T10:00:00Z', end: '2026-01-01T11:00:00Z' }),
      parse({ id: 'soon', title: 'Soon', affects: ['mcp.*'], start: '2026-11-26T10:00:00Z', duration: '30m' }),
    ];
    const listed = maintenanceStatuses(windows, NOW, ['mcp.tools-list', 'sse.heartbeat'], 90);
    expect(listed.map((w) => [w.id, w.state, w.start])).toEqual([
      ['open', 'active', '2026-11-24T14:30:00.000Z'],
      ['soon', 'upcoming', '2026-11-26T10:00:00.000Z'],
      ['restart', 'upcoming', '2026-11-29T04:00:00.000Z'],
      ['done', 'past', '2026-11-20T10:00:00.000Z'],
    ]);
    expect(listed[1]!.checks).toEqual(['mcp.tools-list']);
    expect(listed[2]!.recurrence).toEqual({ cron: '0 5 * * SUN', timezone: 'Europe/Berlin', durationMs: 900_000 });
  });
});
