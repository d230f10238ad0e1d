// Starlight route middleware (`routeMiddleware` in astro.config.mjs): what a page's evidence says, worked out
// before the page renders, so the components that show it are synchronous.
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { evidenceForPage, sidebarMarks } from './page-status.ts';
import { applySidebarMarks, type SidebarEntryLike } from './sidebar-marks.ts';

/**
 * Marks the sidebar links of pages whose evidence needs attention, and leaves this page's own verdict in
 * `Astro.locals.pageEvidence` for the PageTitle override. Doing this in overrides cost a build ~175 ms of
 * render time for 222 pages (medians of 6 alternating cold builds): a component whose frontmatter awaits
 * makes Astro buffer the rest of the page at every level above it, and the sidebar comes early in the page.
 */
export const onRequest = defineRouteMiddleware(async (context) => {
  const route = context.locals.starlightRoute;
  applySidebarMarks(route.sidebar as SidebarEntryLike[], await sidebarMarks());
  context.locals.pageEvidence = await evidenceForPage((route.entry.data as { checks?: string[] }).checks, route.entry.body);
});
