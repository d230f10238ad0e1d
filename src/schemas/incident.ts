import { z } from 'astro/zod';
import { CheckScopeSchema } from './check-scope.ts';

/** The stages an incident goes through, in order (Statuspage's vocabulary). */
export const INCIDENT_STAGES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export const IncidentStageSchema = z.enum(INCIDENT_STAGES);

/** One update of an incident: when, which stage it reached, and what was known then. */
export const TimelineEntrySchema = z.strictObject({
  /** When this was posted, with its offset. @example '2025-09-18T07:50:00Z' */
  at: z.iso.datetime({ offset: true }),
  status: IncidentStageSchema,
  /** What was known or done, in a sentence or two. */
  note: z.string().min(1),
});

/**
 * The frontmatter of `content/incidents/<id>.md` (the file's body is the write-up, in Markdown). An incident is
 * active until its timeline reaches `resolved`.
 */
export const IncidentFrontmatterSchema = z
  .strictObject({
    /** What a reader scanning /status sees. @example 'LAN DNS and ingress unreachable from the Codex sandbox' */
    title: z.string().min(1),
    /** The checks it affects; a runbook backed by one of them shows the incident. */
    affects: z.array(CheckScopeSchema).min(1, { error: 'List at least one affected check (a check id, "mcp.*", or "*")' }),
    /** Updates, oldest first: investigating → identified → monitoring → resolved (stages may be skipped). */
    timeline: z.array(TimelineEntrySchema).min(1, { error: 'Give at least one timeline entry (investigating, with its time)' }),
  })
  .superRefine((incident, ctx) => {
    incident.timeline.forEach((entry, i) => {
      const before = incident.timeline[i - 1];
      if (!before) return;
      if (Date.parse(entry.at) < Date.parse(before.at)) {
        ctx.issues.push({ code: 'custom', input: entry.at, path: ['timeline', i, 'at'], message: `entries go oldest first: ${entry.at} is before ${before.at}` });
      }
      if (INCIDENT_STAGES.indexOf(entry.status) < INCIDENT_STAGES.indexOf(before.status)) {
        ctx.issues.push({ code: 'custom', input: entry.status, path: ['timeline', i, 'status'], message: `"${entry.status}" cannot follow "${before.status}": stages go ${INCIDENT_STAGES.join(' → ')}` });
      }
      if (before.status === 'resolved') {
        ctx.issues.push({ code: 'custom', input: entry.status, path: ['timeline', i], message: 'nothing can follow "resolved"; open a new incident instead' });
      }
    });
  });

export type IncidentFrontmatter = z.output<typeof IncidentFrontmatterSchema>;

/** An incident as the site reads it: its id (the file name), frontmatter and Markdown body. */
export const IncidentSchema = IncidentFrontmatterSchema.safeExtend({
  /** The file name without `.md`. @example '2025-09-18-lan-dns' */
  id: z.string(),
  /** The Markdown body, as written. */
  body: z.string(),
});

export type Incident = z.output<typeof IncidentSchema>;
