import type { APIRoute } from 'astro';
import { shieldsEndpoint } from '../../../status/badge.ts';
import { badgeSubjects } from './badge-paths.ts';

export const getStaticPaths = () => badgeSubjects('check');
export const GET: APIRoute = ({ props }) => Response.json(shieldsEndpoint(props.label, props.state, props.provenance));
