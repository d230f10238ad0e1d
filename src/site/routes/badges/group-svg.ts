import type { APIRoute } from 'astro';
import { renderBadgeSvg } from '../../../status/badge.ts';
import { badgeSubjects } from './badge-paths.ts';

export const getStaticPaths = () => badgeSubjects('group');
export const GET: APIRoute = ({ props }) => new Response(renderBadgeSvg(props.label, props.state, props.provenance), { headers: { 'Content-Type': 'image/svg+xml' } });
