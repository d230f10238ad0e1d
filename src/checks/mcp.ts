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

/**
 * A count seen on one captured page can only prove "enough": with more pages unread, "too few" is unknown, so such a
 * condition is left out rather than failed.
 */
function provable(c: Condition, obs: McpExchange): Condition[] {
  return c.ok || !obs.morePages ? [c] : [];
}

/** Per-server conditions: a server with no tools or a non-ok outcome is a failure of that server (DESIGN.md §3). */
function serverConditions(check: McpCheck, obs: McpObservation, counts: Record<string, number>): Condition[] {
  // Unscoped (an imported capture that does not show its x-mcp-servers): every server the answer names.
  const servers = obs.scopedServers.length ? obs.scopedServers : [...new Set([...Object.keys(counts), ...Object.keys(obs.serverOutcomes ?? {})])];
  const healthy = servers.filter((s) => (counts[s] ?? 0) > 0 && (!check.expect.serverOutcomesOk || (obs.serverOutcomes?.[s]?.status ?? 'ok') === 'ok'));
  // Some servers fine and others not is `partialIs`; all of them broken is a plain failure.
  const severity = healthy.length > 0 && check.expect.partialIs === 'degraded' ? 'degrade' : 'fail';
  const out: Condition[] = [];
  for (const server of servers) {
    // The gateway's own word on a server explains more than a zero count, so it comes first.
    const outcome = obs.serverOutcomes?.[server];
    if (check.expect.serverOutcomesOk && outcome) out.push(condition(`server_outcomes[${server}].status == ok`, outcome.status === 'ok', outcome.status, { severity }));
    if (check.expect.everyServerHasTools) out.push(...provable(condition(`tools[${server}] >= 1`, (counts[server] ?? 0) >= 1, counts[server] ?? 0, { severity }), obs));
  }
  return out;
}

/** The initialize conditions, when the exchange shows an initialize (a captured tools/list alone does not). */
export function initializeConditions(obs: McpExchange, protocolVersion?: string): Condition[] {
  if (obs.initializeSeen === false) return [];
  const out = [condition('initialize answered', obs.protocolVersion !== undefined, obs.protocolVersion ?? obs.failure?.message, { failureClass: obs.failure?.failureClass ?? 'protocol' })];
  if (protocolVersion !== undefined) out.push(condition(`protocolVersion == ${protocolVersion}`, obs.protocolVersion === protocolVersion, obs.protocolVersion));
  return out;
}

/** `tools >= n`, when the exchange shows a tool list (and as far as one page can prove it). */
export function minToolsConditions(obs: McpExchange, minTools: number): Condition[] {
  if (obs.toolsListSeen === false) return [];
  return provable(condition(`tools >= ${minTools}`, obs.tools.length >= minTools, obs.tools.length), obs);
}

/** What a client run shows besides the list: a `tools/call` answered with `isError`, `--strict` schema complaints. */
export function callConditions(obs: McpExchange): Condition[] {
  const out: Condition[] = [];
  if (obs.toolCall) out.push(condition(`tools/call${obs.toolCall.name ? ` ${obs.toolCall.name}` : ''} answers without isError`, !obs.toolCall.isError, obs.toolCall.message ?? (obs.toolCall.isError ? 'isError: true' : 'ok')));
  if (obs.schemaIssues !== undefined) out.push(condition('tool schemas pass strict validation', false, obs.schemaIssues, { severity: 'degrade' }));
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

/** The scope condition, when a scope was requested and a tools/list seen. */
function scopeConditions(obs: McpExchange): Condition[] {
  if (obs.scopedServers.length === 0 || obs.toolsListSeen === false) return [];
  const violations = scopeViolations(obs);
  return [condition(`tools only from the x-mcp-servers scope (${obs.scopedServers.join(', ')})`, violations.length === 0, violations.length ? `scope violation: ${violations.join(', ')}` : 'yes')];
}

/** Conditions of an `mcp` check over what was observed. */
export function mcpConditions(check: McpCheck, obs: McpObservation): Condition[] {
  const out: Condition[] = initializeConditions(obs, check.expect.protocolVersion);
  if (check.steps === 'initialize') return out;
  if (obs.toolsListSeen !== false) out.push(...serverConditions(check, obs, toolsByServer(obs)));
  out.push(...scopeConditions(obs));
  out.push(...minToolsConditions(obs, check.expect.minTools), ...callConditions(obs));
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
    extra: { step: obs.step, pages: obs.pages, sessionId: obs.sessionId, deleteStatus: obs.deleteStatus ?? null, ...(obs.morePages !== undefined ? { morePages: obs.morePages } : {}) },
  };
}

/** Evaluates an `mcp` check: pure function of the check and the observation. */
export function evaluateMcp(check: McpCheck, obs: McpObservation): CheckOutcome {
  const counts = Object.entries(toolsByServer(obs)).map(([s, n]) => `${s} ${n}`).join(', ');
  const summary = check.steps === 'initialize'
    ? `initialize → ${obs.protocolVersion} (${obs.serverInfo?.name ?? 'no serverInfo'})`
    : `${obs.tools.length} tools${counts ? ` (${counts})` : ''}${obs.morePages ? ' on this page, more pages exist' : ''}${obs.initializeSeen === false ? '' : `, protocol ${obs.protocolVersion}`}`;
  return decide(mcpConditions(check, obs), obs.failure, mcpMeasured(obs), summary);
}
