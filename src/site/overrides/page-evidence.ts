import { getCollection } from 'astro:content';
import { judgePage, pageChecks, type PageEvidence } from '../../status/page-state.ts';
import { getSiteStatus } from '../site-status.ts';
import { sidebarMarkOf, type SidebarMark } from './sidebar-marks.ts';

/** The evidence verdict of one docs page, from its frontmatter `checks:` and its `:check[…]` directives. */
export async function evidenceForPage(frontmatterChecks: readonly string[] | undefined, body: string | undefined): Promise<{ evidence?: PageEvidence; builtAt: string }> {
  const { model } = await getSiteStatus();
  const checks = pageChecks(frontmatterChecks ?? [], body ?? '');
  return { evidence: checks.length > 0 ? judgePage(model, checks) : undefined, builtAt: model.generatedAt };
}

let cachedMarks: { generatedAt: string; marks: Promise<Map<string, SidebarMark>> } | undefined;

/** Sidebar marks by page href for every docs page whose evidence needs attention (one pass per model). */
export async function sidebarMarks(): Promise<Map<string, SidebarMark>> {
  const { model } = await getSiteStatus();
  if (cachedMarks?.generatedAt !== model.generatedAt) {
    const compute = async () => {
      const marks = new Map<string, SidebarMark>();
      for (const entry of await getCollection('docs')) {
        const data = entry.data as { checks?: string[] };
        const checks = pageChecks(data.checks ?? [], entry.body ?? '');
        if (checks.length === 0) continue;
        const page = judgePage(model, checks);
        const mark = sidebarMarkOf(page.state, page.provenance);
        if (mark) marks.set(entry.id === 'index' ? '/' : `/${entry.id}/`, mark);
      }
      return marks;
    };
    cachedMarks = { generatedAt: model.generatedAt, marks: compute() };
  }
  return cachedMarks.marks;
}
