import type { APIRoute } from 'astro';
import { getSiteStatus } from '../site-status.ts';
import { renderJUnit } from '../../status/junit.ts';

/** `/junit.xml`: the status as JUnit for CI test reporters. */
export const GET: APIRoute = async () => {
  const { model } = await getSiteStatus();
  return new Response(renderJUnit(model), { headers: { 'Content-Type': 'application/xml' } });
};
