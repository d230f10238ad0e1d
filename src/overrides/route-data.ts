// Starlight route middleware (`routeMiddleware` in astro.config.mjs): what a page shows of its evidence,
// worked out before the page renders, so that the components showing it are synchronous.
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { render } from 'astro:content';
import { CHECK_PLACEHOLDER_CLASS } from '../markdown/check-directive.ts';
import { GUIDE_SECTION_CLASS } from '../markdown/guide-directives.ts';
import { fillCheckPills } from '../components/status/pill-html.ts';
import { getSiteStatus } from '../status/from-collections.ts';
import { evidenceForPage, sidebarMarks } from './page-status.ts';
import { applySidebarMarks, type SidebarEntryLike } from './sidebar-marks.ts';

/** Directives that leave placeholders, in a page source that is compiled at render (MDX, no stored HTML). */
const SOURCE_DIRECTIVE = /:check\[|::(?:client|secret)-setup/;

/**
 * Marks the sidebar links of pages whose evidence needs attention, leaves this page's own verdict in
 * `Astro.locals.pageEvidence` for the PageTitle override, and fills the `:check[…]` pills into the page's
 * stored HTML. What is left to fill at render (the client guides' setup sections; an MDX page's
 * placeholders) is flagged in `Astro.locals.contentToFill` for the MarkdownContent override.
 *
 * Measured on the build benchmark (222 pages, medians of 6 alternating cold builds): doing this in Sidebar,
 * PageTitle and MarkdownContent overrides whose frontmatter awaited cost ~175 ms (Sidebar and PageTitle) and
 * ~120 ms (MarkdownContent) of render time: Astro buffers the rest of the page at every level above a
 * component that awaits.
 */
export const onRequest = defineRouteMiddleware(async (context) => {
  const route = context.locals.starlightRoute;
  const { entry } = route;
  applySidebarMarks(route.sidebar as SidebarEntryLike[], await sidebarMarks());
  context.locals.pageEvidence = await evidenceForPage((entry.data as { checks?: string[] }).checks, entry.body);
  const html = entry.rendered?.html;
  if (html?.includes(CHECK_PLACEHOLDER_CLASS)) {
    const { model } = await getSiteStatus();
    const rendered = { ...entry.rendered, html: fillCheckPills(html, (checkId) => model.checks.get(checkId)) };
    route.Content = (await render({ ...entry, rendered })).Content;
  }
  context.locals.contentToFill = html === undefined ? SOURCE_DIRECTIVE.test(entry.body ?? '') : html.includes(GUIDE_SECTION_CLASS);
});
