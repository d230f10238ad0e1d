/** Judges a client-profile observation: the client's config must load, scope the servers, and list tools through the gateway. */
import type { ClientProfileCheck } from '../schemas/client-profile-check.ts';
import type { ClientProfileObservation } from '../schemas/observation.ts';
import { mcpMeasured } from './mcp.ts';
import { condition, decide, type CheckOutcome, type Condition } from './outcome.ts';

/** Evaluates a client-profile probe: the client's config must load, scope the servers, and list tools through the gateway. */
export function evaluateClientProfile(check: ClientProfileCheck, obs: ClientProfileObservation): CheckOutcome {
  const servers = obs.scopedServers;
  const measured = { ...mcpMeasured(obs), clientProfile: obs.client };
  measured.extra = { ...measured.extra, headersSent: obs.sentHeaders.join(', ') || '(none)', authScheme: obs.authScheme ?? null };
  const conditions: Condition[] = [condition('client loads the generated config', obs.configError === undefined, obs.configError ?? 'ok')];
  if (obs.configError !== undefined) return decide(conditions, null, measured, '');
  const wanted = servers.join(',');
  if (check.expect.scopeHeader) conditions.push(condition(`x-mcp-servers == ${wanted}`, obs.scopeSent === wanted, obs.scopeSent));
  conditions.push(condition('initialize answered', obs.protocolVersion !== undefined, obs.protocolVersion ?? obs.failure?.message, { failureClass: obs.failure?.failureClass ?? 'protocol' }));
  conditions.push(condition(`tools >= ${check.expect.minTools}`, obs.tools.length >= check.expect.minTools, obs.tools.length));
  const foreign = obs.tools.filter((tool) => !servers.some((server) => tool.name.startsWith(`${server}-`))).map((tool) => tool.name);
  conditions.push(condition('every tool belongs to a scoped server', foreign.length === 0, foreign.length ? foreign.join(', ') : 'yes'));
  const summary = `${check.client}: ${obs.tools.length} tools via ${obs.sentHeaders.join(', ')}, protocol ${obs.protocolVersion}`;
  return decide(conditions, obs.failure, measured, summary);
}
