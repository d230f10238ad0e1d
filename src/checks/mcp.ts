import type { McpCheck } from '../schemas/check.ts';
import type { Measured } from '../schemas/evidence.ts';
import type { McpObservation } from '../schemas/observation.ts';
import { round } from './http.ts';
import { condition, decide, type CheckOutcome, type Condition } from './outcome.ts';

/** An MCP exchange as observed, whether by the `mcp` probe or with a client's exact request (`client-profile`). */
export type McpExchange = Omit<McpObservation, 'kind'>;

/** Tool counts per scoped server (a server with none is listed with 0). */
export function toolsByServer(obs: McpExchange): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(obs.scopedServers.map((s) => [s, 0]));
  for (const tool of obs.tools) if (tool.server) counts[tool.server] = (counts[tool.server] ?? 0) + 1;
  return counts;
}

/** Per-server conditions: a server with no tools or a non-ok outcome is a failure of that server (DESIGN.md §3). */
function serverConditions(check: McpCheck, obs: McpObservation, counts: Record<string, number>): Condition[] {
  const servers = obs.scopedServers.length ? obs.scopedServers : Object.keys(counts);
  const healthy = servers.filter((s) => (counts[s] ?? 0) > 0 && (!check.expect.serverOutcomesOk || (obs.serverOutcomes?.[s]?.status ?? 'ok') === 'ok'));
  // Some servers fine and others not is `partialIs`; all of them broken is a plain failure.
  const severity = healthy.length > 0 && check.expect.partialIs === 'degraded' ? 'degrade' : 'fail';
  const out: Condition[] = [];
  for (const server of servers) {
    // The gateway's own word on a server explains more than a zero count, so it comes first.
    const outcome = obs.serverOutcomes?.[server];
    if (check.expect.serverOutcomesOk && outcome) out.push(condition(`server_outcomes[${server}].status == ok`, outcome.status === 'ok', outcome.status, { severity }));
    if (check.expect.everyServerHasTools) out.push(condition(`tools[${server}] >= 1`, (counts[server] ?? 0) >= 1, counts[server] ?? 0, { severity }));
  }
  return out;
}

/**
 * Tools (and server outcomes) from servers outside the requested `x-mcp-servers` scope: `x-mcp-servers` only
 * narrows what the key grants, and a gateway that ignores it hands a client tools it never asked for (issue 25
 * item 12). Tools are attributed by prefix in the probe (mcp.ts), to scoped, reported and known servers.
 */
export function scopeViolations(obs: McpExchange): string[] {
  const scope = new Set(obs.scopedServers);
  if (scope.size === 0) return [];
  const tools = obs.tools.filter((tool) => tool.server !== undefined && !scope.has(tool.server)).map((tool) => tool.name);
  const servers = Object.keys(obs.serverOutcomes ?? {}).filter((server) => !scope.has(server)).map((server) => `server_outcomes[${server}]`);
  return [...tools, ...servers];
}

/** Conditions of an `mcp` check over what was observed. */
export function mcpConditions(check: McpCheck, obs: McpObservation): Condition[] {
  const out: Condition[] = [condition('initialize answered', obs.protocolVersion !== undefined, obs.protocolVersion ?? obs.failure?.message, { failureClass: obs.failure?.failureClass ?? 'protocol' })];
  if (check.expect.protocolVersion !== undefined) {
    out.push(condition(`protocolVersion == ${check.expect.protocolVersion}`, obs.protocolVersion === check.expect.protocolVersion, obs.protocolVersion));
  }
  if (check.steps === 'initialize') return out;
  out.push(...serverConditions(check, obs, toolsByServer(obs)));
  const violations = scopeViolations(obs);
  if (obs.scopedServers.length) {
    out.push(condition(`tools only from the x-mcp-servers scope (${obs.scopedServers.join(', ')})`, violations.length === 0, violations.length ? `scope violation: ${violations.join(', ')}` : 'yes'));
  }
  out.push(condition(`tools >= ${check.expect.minTools}`, obs.tools.length >= check.expect.minTools, obs.tools.length));
  return out;
}

/** Measured values of an MCP exchange, in evidence vocabulary. */
export function mcpMeasured(obs: McpExchange): Measured {
  return {
    ...(obs.status !== undefined ? { status: obs.status } : {}),
    latencyMs: round(obs.latencyMs),
    ...(obs.protocolVersion ? { protocolVersion: obs.protocolVersion } : {}),
    ...(obs.serverInfo ? { serverInfo: obs.serverInfo } : {}),
    ...(obs.step === 'done' || obs.tools.length ? { tools: obs.tools, toolsByServer: toolsByServer(obs) } : {}),
    ...(obs.serverOutcomes ? { serverOutcomes: obs.serverOutcomes } : {}),
    extra: { step: obs.step, pages: obs.pages, sessionId: obs.sessionId, deleteStatus: obs.deleteStatus ?? null },
  };
}

/** Evaluates an `mcp` check: pure function of the check and the observation. */
export function evaluateMcp(check: McpCheck, obs: McpObservation): CheckOutcome {
  const counts = Object.entries(toolsByServer(obs)).map(([s, n]) => `${s} ${n}`).join(', ');
  const summary = check.steps === 'initialize'
    ? `initialize → ${obs.protocolVersion} (${obs.serverInfo?.name ?? 'no serverInfo'})`
    : `${obs.tools.length} tools${counts ? ` (${counts})` : ''}, protocol ${obs.protocolVersion}`;
  return decide(mcpConditions(check, obs), obs.failure, mcpMeasured(obs), summary);
}
