/** Judges a client-profile observation: the client's config must load, scope the servers, and list tools through the gateway. */
import type { ClientProfileCheck } from '../schemas/client-profile-check.ts';
import type { ClientProfileObservation } from '../schemas/observation.ts';
import { callConditions, initializeConditions, mcpMeasured, minToolsConditions } from './mcp.ts';
import { condition, decide, type CheckOutcome, type Condition } from './outcome.ts';

/** What only the generated snippet's replay can be held to: the config loads, it sends the scope, the tools stay inside it. */
function snippetConditions(check: ClientProfileCheck, obs: ClientProfileObservation): { before: Condition[]; after: Condition[] } {
  const servers = obs.scopedServers;
  const wanted = servers.join(',');
  const before = check.expect.scopeHeader ? [condition(`x-mcp-servers == ${wanted}`, obs.scopeSent === wanted, obs.scopeSent)] : [];
  if (obs.toolsListSeen === false) return { before, after: [] };
  const foreign = obs.tools.filter((tool) => !servers.some((server) => tool.name.startsWith(`${server}-`))).map((tool) => tool.name);
  return { before, after: [condition('every tool belongs to a scoped server', foreign.length === 0, foreign.length ? foreign.join(', ') : 'yes')] };
}

/**
 * Evaluates a client-profile observation. A probe replays the generated snippet and is held to it too; a real client's
 * run imported from a capture (`replaysSnippet: false`) is judged on what it shows: it connected and listed tools.
 */
export function evaluateClientProfile(check: ClientProfileCheck, obs: ClientProfileObservation): CheckOutcome {
  const replays = obs.replaysSnippet !== false;
  const measured = { ...mcpMeasured(obs), clientProfile: obs.client };
  measured.extra = { ...measured.extra, headersSent: obs.sentHeaders.join(', ') || '(none)', authScheme: obs.authScheme ?? null };
  const conditions: Condition[] = [];
  if (replays) {
    conditions.push(condition('client loads the generated config', obs.configError === undefined, obs.configError ?? 'ok'));
    if (obs.configError !== undefined) return decide(conditions, null, measured, '');
  }
  const snippet = replays ? snippetConditions(check, obs) : { before: [], after: [] };
  conditions.push(...snippet.before, ...initializeConditions(obs), ...minToolsConditions(obs, check.expect.minTools), ...snippet.after, ...callConditions(obs));
  const via = replays ? ` via ${obs.sentHeaders.join(', ')}` : '';
  const summary = obs.toolsListSeen === false
    ? `${check.client}: tools/call${obs.toolCall?.name ? ` ${obs.toolCall.name}` : ''} answered`
    : `${check.client}: ${obs.tools.length} tools${via}${obs.initializeSeen === false ? '' : `, protocol ${obs.protocolVersion}`}`;
  return decide(conditions, obs.failure, measured, summary);
}
