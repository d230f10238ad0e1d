// Starlight route middleware (`routeMiddleware` in astro.config.mjs): what a page shows of its evidence in the
// sidebar and under its title, worked out before the page renders.
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { evidenceForPage, sidebarMarks } from './page-evidence.ts';
import { applySidebarMarks, type SidebarEntryLike } from './sidebar-marks.ts';

/**
 * Marks the sidebar links of pages whose evidence needs attention (in this page's own copy of the route data),
 * and leaves this page's verdict in `Astro.locals.pageEvidence` for the PageTitle override.
 */
export const onRequest = defineRouteMiddleware(async (context) => {
  const route = context.locals.starlightRoute;
  applySidebarMarks(route.sidebar as SidebarEntryLike[], await sidebarMarks());
  context.locals.pageEvidence = await evidenceForPage(route.entry.id, (route.entry.data as { checks?: string[] }).checks, route.entry.body);
});
