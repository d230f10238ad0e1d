import { scopeCovers } from '../schemas/check-scope.ts';
import type { Incident } from '../schemas/incident.ts';
import type { IncidentStatus } from './model.ts';

/** Each incident with its stage, active ones first (newest first), then resolved ones by when they were resolved. */
export function judgeIncidents(incidents: readonly Incident[], checkIds: readonly string[]): IncidentStatus[] {
  const judged = incidents.map((incident): IncidentStatus => {
    const first = incident.timeline[0]!;
    const last = incident.timeline.at(-1)!;
    return {
      id: incident.id,
      title: incident.title,
      affects: incident.affects,
      timeline: incident.timeline,
      stage: last.status,
      isActive: last.status !== 'resolved',
      startedAt: first.at,
      updatedAt: last.at,
      ...(last.status === 'resolved' ? { resolvedAt: last.at } : {}),
      body: incident.body,
      checks: checkIds.filter((checkId) => incident.affects.some((scope) => scopeCovers(scope, { checkId }))),
    };
  });
  const at = (iso: string) => Date.parse(iso);
  return judged.sort((a, b) => Number(b.isActive) - Number(a.isActive) || at(b.resolvedAt ?? b.startedAt) - at(a.resolvedAt ?? a.startedAt));
}

/** Active incidents that affect any of `checkIds` (what a runbook backed by them shows). */
export function activeIncidentsFor(incidents: readonly IncidentStatus[], checkIds: readonly string[]): IncidentStatus[] {
  return incidents.filter((incident) => incident.isActive && incident.affects.some((scope) => checkIds.some((checkId) => scopeCovers(scope, { checkId }))));
}
