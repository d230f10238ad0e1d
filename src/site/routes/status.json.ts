import type { APIRoute } from 'astro';
import { getSiteStatus } from '../site-status.ts';
import { toStatusJson } from '../../status/status-json.ts';

/** `/status.json`: the status model for machines, from the same module as /status. */
export const GET: APIRoute = async () => {
  const { model } = await getSiteStatus();
  return new Response(JSON.stringify(toStatusJson(model)), { headers: { 'Content-Type': 'application/json' } });
};
