import { Cron } from 'croner';
import { z } from 'astro/zod';
import { CheckScopeSchema } from './check-scope.ts';
import { DurationSchema } from './duration.ts';

/** Whether the runtime knows a time zone name (IANA, e.g. `Europe/Berlin`). */
function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Why croner refuses a pattern, or undefined when it takes it. */
function cronProblem(pattern: string, timezone: string): string | undefined {
  try {
    new Cron(pattern, { timezone, paused: true });
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * One maintenance window in `content/maintenance.yaml`: one-off (`start` with `duration` or `end`) or recurring
 * (`cron` with `duration` and `timezone`). While a window is open, failures of the checks it affects show as
 * `maintenance`, not failing, and are left out of uptime (issue 28).
 */
export const MaintenanceWindowSchema = z
  .strictObject({
    /** Short stable id. @example 'weekly-restart' */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'Expected a short id such as "weekly-restart"' }),
    /** What a reader sees on /status. @example 'Weekly LiteLLM container restart' */
    title: z.string().min(1),
    /** What is done and what users notice, in a sentence or two. */
    description: z.string().optional(),
    /** The checks it affects: ids, prefixes such as `mcp.*`, or `*`, optionally scoped to a target or origin. */
    affects: z.array(CheckScopeSchema).min(1, { error: 'List at least one affected check (a check id, "mcp.*", or "*")' }),
    /** A one-off window's start, with its offset. @example '2026-12-20T06:00:00+01:00' */
    start: z.iso.datetime({ offset: true }).optional(),
    /** A one-off window's end (or give `duration`). */
    end: z.iso.datetime({ offset: true }).optional(),
    /** A recurring window's start times, as a 5-field cron pattern read in `timezone`. @example '0 4 * * SUN' */
    cron: z.string().optional(),
    /** IANA time zone of `cron`. @example 'Europe/Berlin' */
    timezone: z.string().optional(),
    /** How long each window lasts. @example '30m' */
    duration: DurationSchema.optional(),
    /** A recurring window applies from this time on (default: always). */
    from: z.iso.datetime({ offset: true }).optional(),
    /** A recurring window applies until this time (default: forever). */
    until: z.iso.datetime({ offset: true }).optional(),
  })
  .superRefine((window, ctx) => {
    const issue = (path: string, message: string) => ctx.issues.push({ code: 'custom', input: window, path: [path], message });
    if (window.start === undefined && window.cron === undefined) issue('start', 'give "start" (a one-off window) or "cron" (a recurring one)');
    if (window.start !== undefined && window.cron !== undefined) issue('cron', 'a window is one-off ("start") or recurring ("cron"), not both');
    if (window.cron === undefined && (window.from !== undefined || window.until !== undefined)) issue(window.from !== undefined ? 'from' : 'until', '"from" and "until" bound a recurring window; a one-off window has "start" and "end"');
    if (window.start !== undefined) {
      if ((window.end === undefined) === (window.duration === undefined)) issue('end', 'give either "end" or "duration" for a one-off window');
      if (window.end !== undefined && Date.parse(window.end) <= Date.parse(window.start)) issue('end', `"end" must be after "start" (${window.start})`);
    }
    if (window.cron !== undefined) {
      if (window.duration === undefined) issue('duration', 'a recurring window needs "duration", e.g. "30m"');
      if (window.end !== undefined) issue('end', 'a recurring window has "duration", not "end"');
      if (window.timezone === undefined) issue('timezone', 'a recurring window needs "timezone", e.g. "Europe/Berlin" or "UTC"');
      else if (!isTimeZone(window.timezone)) issue('timezone', `unknown time zone "${window.timezone}"; use an IANA name such as "Europe/Berlin" or "UTC"`);
      else {
        const problem = cronProblem(window.cron, window.timezone);
        if (problem) issue('cron', `not a cron pattern croner accepts (${problem}); e.g. "0 4 * * SUN" is Sundays at 04:00`);
      }
    }
    if (window.duration === 0) issue('duration', 'a window must last longer than 0');
  });

/** `content/maintenance.yaml`. */
export const MaintenanceFileSchema = z.strictObject({
  schemaVersion: z.literal(1),
  windows: z.array(MaintenanceWindowSchema),
});

export type MaintenanceWindow = z.output<typeof MaintenanceWindowSchema>;
export type MaintenanceWindowInput = z.input<typeof MaintenanceWindowSchema>;
