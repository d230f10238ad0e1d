import { createHash } from 'node:crypto';
import type { IncidentStatus, MaintenanceStatus } from './model.ts';
import { escapeXml, formatAge, formatUtc } from './present.ts';

/**
 * Incidents and maintenance windows as an Atom feed (RFC 4287) at `/status/feed.xml` (issue 28). The feed's
 * `updated` is its newest entry's, not the build time, so a rebuild with nothing new serves the same feed.
 */

/** A stable `urn:uuid:` for a name (the SHA-1 of it, laid out as a version 5 UUID): entry ids must never change. */
function urnFor(name: string): string {
  const hex = createHash('sha1').update(`proofbook:${name}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

interface Entry {
  id: string;
  title: string;
  published: string;
  updated: string;
  href: string;
  html: string;
}

const iso = (time: string) => new Date(time).toISOString();

function incidentEntry(incident: IncidentStatus, base: string, bodyHtml: string | undefined): Entry {
  const timeline = [...incident.timeline].reverse().map((entry) => `<li><strong>${entry.status}</strong> ${escapeXml(formatUtc(entry.at))}: ${escapeXml(entry.note)}</li>`).join('');
  const affects = incident.checks.length > 0 ? `<p>Affects ${incident.checks.map(escapeXml).join(', ')}.</p>` : '';
  return {
    id: urnFor(`incident/${incident.id}`),
    title: `${incident.isActive ? '' : 'Resolved: '}${incident.title} (${incident.stage})`,
    published: iso(incident.startedAt),
    updated: iso(incident.updatedAt),
    href: `${base}/status/#incident-${incident.id}`,
    html: `${affects}<ol>${timeline}</ol>${bodyHtml ?? ''}`,
  };
}

function maintenanceEntry(window: MaintenanceStatus, base: string): Entry {
  const when = `${formatUtc(window.start)} to ${formatUtc(window.end)}`;
  const recurrence = window.recurrence ? ` Recurs: ${window.recurrence.cron} in ${window.recurrence.timezone}, ${formatAge(window.recurrence.durationMs)} each.` : '';
  return {
    // One entry per opening: the next week's opening of a recurring window is news again.
    id: urnFor(`maintenance/${window.id}/${window.start}`),
    title: `Maintenance${window.state === 'active' ? ' (in progress)' : window.state === 'upcoming' ? ' (scheduled)' : ''}: ${window.title}, ${when}`,
    published: iso(window.start),
    updated: iso(window.start),
    href: `${base}/status/#maintenance`,
    html: `<p>${escapeXml(when)}.${escapeXml(recurrence)} Affects ${escapeXml(window.checks.join(', ') || 'no known check')}.</p>${window.description ? `<p>${escapeXml(window.description)}</p>` : ''}`,
  };
}

/** The feed; `siteUrl` makes links absolute (PROOFBOOK_SITE_URL), `bodies` holds each incident's rendered write-up. */
export function renderAtomFeed(model: { incidents: readonly IncidentStatus[]; maintenance: readonly MaintenanceStatus[]; generatedAt: string }, options: { siteUrl?: string; bodies?: ReadonlyMap<string, string> } = {}): string {
  const base = (options.siteUrl ?? '').replace(/\/$/, '');
  const entries = [...model.incidents.map((incident) => incidentEntry(incident, base, options.bodies?.get(incident.id))), ...model.maintenance.map((window) => maintenanceEntry(window, base))].sort((a, b) => b.updated.localeCompare(a.updated));
  // Upcoming maintenance is dated in the future; the feed itself was last updated by its newest past entry.
  const builtAt = iso(model.generatedAt);
  const updated = entries.find((entry) => entry.updated <= builtAt)?.updated ?? builtAt;
  const body = entries
    .map((entry) =>
      [
        '  <entry>',
        `    <id>${entry.id}</id>`,
        `    <title>${escapeXml(entry.title)}</title>`,
        `    <published>${entry.published}</published>`,
        `    <updated>${entry.updated}</updated>`,
        `    <link rel="alternate" type="text/html" href="${escapeXml(entry.href)}"/>`,
        `    <content type="html">${escapeXml(entry.html)}</content>`,
        '  </entry>',
      ].join('\n'),
    )
    .join('\n');
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${urnFor('status-feed')}</id>`,
    '  <title>Proofbook status: incidents and maintenance</title>',
    `  <updated>${updated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(`${base}/status/feed.xml`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(`${base}/status/`)}"/>`,
    '  <author><name>Proofbook</name></author>',
    ...(body ? [body] : []),
    '</feed>',
    '',
  ].join('\n');
}
