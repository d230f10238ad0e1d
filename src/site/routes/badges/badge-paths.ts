import { getSiteStatus } from '../../site-status.ts';
import type { Provenance } from '../../../schemas/provenance.ts';
import type { RowState } from '../../../status/model.ts';

/** One badge per check (`/badges/<check>.svg|json`) and per group (`/badges/group/<group>.svg|json`), as badge-files.ts writes them in a build. */
export async function badgeSubjects(kind: 'check' | 'group'): Promise<{ params: Record<string, string>; props: { label: string; state: RowState; provenance?: Provenance } }[]> {
  const { model } = await getSiteStatus();
  if (kind === 'group') return model.groups.map((group) => ({ params: { group: group.id }, props: { label: group.id, state: group.state } }));
  return [...model.checks.values()].map((check) => ({ params: { check: check.id }, props: { label: check.id, state: check.state, provenance: check.decidedBy?.provenance } }));
}
