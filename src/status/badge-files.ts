import type { StatusModel } from './model.ts';
import { renderBadgeSvg, shieldsEndpoint } from './badge.ts';
import { renderBarSvg } from './bar.ts';

/**
 * Badge files for a status model, relative to `badges/`: `<check>.svg|json`, `group/<group>.svg|json`, and each
 * check's 90-day bar `history/<check>.svg` (the image /status shows; the group pages label every day).
 */
export function badgeFiles(model: Pick<StatusModel, 'groups' | 'historyRange'>): { path: string; content: string }[] {
  const subjects = [
    ...model.groups.flatMap((group) => group.checks.map((check) => ({ base: check.id, label: check.id, state: check.state, provenance: check.decidedBy?.provenance }))),
    ...model.groups.map((group) => ({ base: `group/${group.id}`, label: group.id, state: group.state, provenance: undefined })),
  ];
  const bars = model.groups.flatMap((group) => group.checks.map((check) => ({ path: `history/${check.id}.svg`, content: renderBarSvg(check.id, check.history, check.days, model.historyRange.from) })));
  return [
    ...subjects.flatMap(({ base, label, state, provenance }) => [
      { path: `${base}.svg`, content: renderBadgeSvg(label, state, provenance) },
      { path: `${base}.json`, content: JSON.stringify(shieldsEndpoint(label, state, provenance)) },
    ]),
    ...bars,
  ];
}
