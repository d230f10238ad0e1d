import type { APIRoute } from 'astro';
import { incidentBodies, getSiteStatus } from '../../site-status.ts';
import { renderAtomFeed } from '../../../status/feed.ts';

/** `/status/feed.xml`: incidents and maintenance windows as Atom, from the same model as /status. */
export const GET: APIRoute = async ({ site }) => {
  const { model } = await getSiteStatus();
  const feed = renderAtomFeed(model, { siteUrl: site?.href, bodies: await incidentBodies() });
  return new Response(feed, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
