import type { StatusModel } from './model.ts';
import { renderBadgeSvg, shieldsEndpoint } from './badge.ts';

/** Badge files for a status model: `<check>.svg|json` and `group/<group>.svg|json`, relative to `badges/`. */
export function badgeFiles(model: Pick<StatusModel, 'groups'>): { path: string; content: string }[] {
  const subjects = [
    ...model.groups.flatMap((group) => group.checks.map((check) => ({ base: check.id, label: check.id, state: check.state, provenance: check.decidedBy?.provenance }))),
    ...model.groups.map((group) => ({ base: `group/${group.id}`, label: group.id, state: group.state, provenance: undefined })),
  ];
  return subjects.flatMap(({ base, label, state, provenance }) => [
    { path: `${base}.svg`, content: renderBadgeSvg(label, state, provenance) },
    { path: `${base}.json`, content: JSON.stringify(shieldsEndpoint(label, state, provenance)) },
  ]);
}
