import type { APIRoute } from 'astro';
import { renderBarSvg } from '../../../status/bar.ts';
import { getSiteStatus } from '../../site-status.ts';

/** `astro dev` only: the 90-day bar of a check, as the build writes it from status.json (src/site/badge-files-writer.ts). */
export async function getStaticPaths() {
  const { model } = await getSiteStatus();
  return [...model.checks.values()].map((check) => ({ params: { check: check.id }, props: { check, from: model.historyRange.from } }));
}
export const GET: APIRoute = ({ props }) => new Response(renderBarSvg(props.check.id, props.check.history, props.check.days, props.from), { headers: { 'Content-Type': 'image/svg+xml' } });
