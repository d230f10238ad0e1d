import type { Provenance } from '../../schemas/provenance.ts';
import { ATTENTION_STATES, type RowState } from '../../status/model.ts';

/** A sidebar badge for a page whose evidence needs attention, or that only has demo or sample evidence. */
export interface SidebarMark {
  text: string;
  variant: 'danger' | 'caution' | 'note' | 'tip';
  class: string;
}

/** Our badges carry this class, so readers of the HTML (and the tests) can tell them from badges authors set. */
export const MARK_CLASS = 'pb-mark';

/** The mark for a page state (maintenance and flaky have their own), or undefined when the page's evidence is fine and real. */
export function sidebarMarkOf(state: RowState, provenance: readonly Provenance[] = ['real']): SidebarMark | undefined {
  if (state === 'maintenance') return { text: 'maintenance', variant: 'note', class: `${MARK_CLASS} pb-mark-maintenance` };
  if (state === 'flaky') return { text: 'flaky', variant: 'note', class: `${MARK_CLASS} pb-mark-flaky` };
  if (!ATTENTION_STATES.has(state)) {
    if (provenance.includes('real') || provenance.length === 0) return undefined;
    return { text: provenance.includes('demo') ? 'demo' : 'sample', variant: 'tip', class: MARK_CLASS };
  }
  if (state === 'fail' || state === 'error') return { text: 'failing', variant: 'danger', class: MARK_CLASS };
  if (state === 'degraded') return { text: 'degraded', variant: 'caution', class: MARK_CLASS };
  if (state === 'stale') return { text: 'stale', variant: 'caution', class: MARK_CLASS };
  return { text: 'no evidence', variant: 'note', class: MARK_CLASS };
}

/** The parts of Starlight's sidebar entries we touch. */
export type SidebarEntryLike =
  | { type: 'link'; href: string; badge?: { text: string; variant: string; class?: string } | undefined }
  | { type: 'group'; entries: SidebarEntryLike[] };

function normalise(href: string): string {
  return href.endsWith('/') ? href : `${href}/`;
}

/**
 * Sets our badge on every link whose page is marked, unless an author set a badge there. The sidebar is the
 * rendered page's own copy: Starlight clones the route data before its route middleware runs.
 */
export function applySidebarMarks(entries: SidebarEntryLike[], marks: ReadonlyMap<string, SidebarMark>): void {
  for (const entry of entries) {
    if (entry.type === 'group') {
      applySidebarMarks(entry.entries, marks);
      continue;
    }
    const mark = marks.get(normalise(entry.href));
    if (mark && !entry.badge) entry.badge = mark;
  }
}
