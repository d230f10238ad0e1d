import { getCollection } from 'astro:content';
import { judgePage, pageChecks, type PageEvidence } from '../../status/page-state.ts';
import { getSiteStatus, type SiteStatus } from '../site-status.ts';
import { sidebarMarkOf, type SidebarMark } from './sidebar-marks.ts';

/** The checks behind a page: its frontmatter `checks:`, its `:check[…]` directives and its `run=ci` blocks. */
function checksOfPage(status: SiteStatus, pageId: string, frontmatterChecks: readonly string[] | undefined, body: string | undefined): string[] {
  const blocks = (status.runbooks.byPage.get(pageId) ?? []).filter((block) => block.run === 'ci').map((block) => block.id);
  return [...pageChecks(frontmatterChecks ?? [], body ?? ''), ...blocks];
}

/** The evidence verdict of one docs page, from its checks and its runnable blocks. */
export async function evidenceForPage(pageId: string, frontmatterChecks: readonly string[] | undefined, body: string | undefined): Promise<{ evidence?: PageEvidence; builtAt: string }> {
  const status = await getSiteStatus();
  const { model } = status;
  const checks = checksOfPage(status, pageId, frontmatterChecks, body);
  return { evidence: checks.length > 0 ? judgePage(model, checks) : undefined, builtAt: model.generatedAt };
}

let cachedMarks: { generatedAt: string; marks: Promise<Map<string, SidebarMark>> } | undefined;

/** Sidebar marks by page href for every docs page whose evidence needs attention (one pass per model). */
export async function sidebarMarks(): Promise<Map<string, SidebarMark>> {
  const status = await getSiteStatus();
  const { model } = status;
  if (cachedMarks?.generatedAt !== model.generatedAt) {
    const compute = async () => {
      const marks = new Map<string, SidebarMark>();
      for (const entry of await getCollection('docs')) {
        const data = entry.data as { checks?: string[] };
        const checks = checksOfPage(status, entry.id, data.checks, entry.body);
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
