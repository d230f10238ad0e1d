import type { McpHealthCheck } from '../schemas/depth-check.ts';
import type { McpHealthObservation } from '../schemas/observation.ts';
import { statusCondition, round } from './http.ts';
import { parseJsonBody } from './json-path.ts';
import { condition, decide, type CheckOutcome, type Condition } from './outcome.ts';

/** One server as a health answer reports it. */
export interface ServerHealth {
  id: string;
  status: string;
  /** The name the answer itself gives, when it gives one. */
  name?: string;
}

/** A health answer read in either shape, or why it could not be. */
export type HealthReading = { shape: 'array' | 'dict'; servers: ServerHealth[] } | { problem: string };

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

function entryOf(id: unknown, value: unknown): ServerHealth | undefined {
  const entry = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const serverId = text(id) ?? text(entry.server_id);
  if (serverId === undefined) return undefined;
  const name = text(entry.server_name) ?? text(entry.name);
  // LiteLLM answers `null` for a server it has not checked: that is not knowing.
  return { id: serverId, status: text(entry.status) ?? 'unknown', ...(name ? { name } : {}) };
}

/**
 * Reads LiteLLM's MCP health answer: the newer array `[{server_id, status}]` (2026) or the older dict
 * `{total_servers, healthy_count, …, servers: {<id>: {status}}}` (mid-2025, litellm#13106).
 */
export function readHealthAnswer(body: unknown): HealthReading {
  if (Array.isArray(body)) {
    const servers = body.map((entry) => entryOf(undefined, entry));
    if (servers.some((s) => s === undefined)) return { problem: 'an entry of the health array has no server_id' };
    return { shape: 'array', servers: servers as ServerHealth[] };
  }
  const servers = (body as { servers?: unknown } | null)?.servers;
  if (servers && typeof servers === 'object' && !Array.isArray(servers)) {
    return { shape: 'dict', servers: Object.entries(servers).flatMap(([id, value]) => entryOf(id, value) ?? []) };
  }
  return { problem: 'neither the array shape [{server_id, status}] nor the dict shape {servers: {<id>: {status}}}' };
}

/** Server id → name from LiteLLM's server list (`[{server_id, server_name, alias}]`). */
export function readServerNames(body: unknown): Map<string, string> {
  const list = Array.isArray(body) ? body : [];
  const names = new Map<string, string>();
  for (const item of list as Array<Record<string, unknown>>) {
    const id = text(item?.server_id);
    const name = text(item?.server_name) ?? text(item?.alias);
    if (id && name) names.set(id, name);
  }
  return names;
}

/** Health status by server name; an id nobody names stays an id. */
function byName(reading: { servers: ServerHealth[] }, names: ReadonlyMap<string, string>): Map<string, string> {
  return new Map(reading.servers.map((s) => [s.name ?? names.get(s.id) ?? s.id, s.status]));
}

/** Conditions per expected server: healthy passes; `unknown` is `unknownIs`; anything else fails that server. */
function serverConditions(check: McpHealthCheck, expected: readonly string[], statuses: ReadonlyMap<string, string>): Condition[] {
  const healthy = expected.filter((server) => statuses.get(server) === 'healthy');
  // Some servers fine and others not is `partialIs`; all of them broken is a plain failure.
  const partial = healthy.length > 0 && check.expect.partialIs === 'degraded' ? 'degrade' : 'fail';
  return expected.flatMap((server) => {
    const status = statusOf(statuses, server);
    if (status === 'healthy') return [condition(`health[${server}] == healthy`, true, status)];
    if (status === 'unknown' && check.expect.unknownIs === 'pass') return [condition(`health[${server}] in (healthy, unknown)`, true, status)];
    const severity = status === 'unknown' && check.expect.unknownIs === 'degraded' ? 'degrade' : partial;
    return [condition(`health[${server}] == healthy`, false, status, { severity })];
  });
}

const statusOf = (statuses: ReadonlyMap<string, string>, server: string) => statuses.get(server) ?? '(not reported)';

/** Evaluates an `mcp-health` check: pure function of the check and the observation. */
export function evaluateMcpHealth(check: McpHealthCheck, obs: McpHealthObservation): CheckOutcome {
  const expected = obs.expected;
  const conditions: Condition[] = [statusCondition(200, obs.health?.status)];
  const parsed = obs.health && obs.health.status === 200 ? parseJsonBody(obs.health.body) : undefined;
  const reading: HealthReading = parsed?.ok ? readHealthAnswer(parsed.value) : { problem: parsed ? 'the health answer is not JSON' : 'no health answer' };
  const measured = { ...(obs.health ? { status: obs.health.status } : {}), latencyMs: round(obs.latencyMs) };
  if ('problem' in reading) {
    if (obs.health?.status === 200) conditions.push(condition('health answer has a known shape', false, reading.problem, { failureClass: 'protocol' }));
    return decide(conditions, obs.failure, measured, reading.problem);
  }
  // The array shape names no server: the server list does. A list that cannot be read leaves ids unnamed.
  const needsNames = reading.servers.some((s) => s.name === undefined && !expected.includes(s.id));
  const listBody = obs.list?.status === 200 ? parseJsonBody(obs.list.body) : undefined;
  const names = listBody?.ok ? readServerNames(listBody.value) : new Map<string, string>();
  if (needsNames) conditions.push(condition(`server list answered (names the ${reading.shape} shape's ids)`, names.size > 0, obs.list ? `${obs.list.status}` : '(not asked)', { failureClass: obs.list?.status === 200 ? 'protocol' : 'http_status' }));
  const statuses = byName(reading, names);
  conditions.push(...serverConditions(check, expected, statuses));
  const extra = { shape: reading.shape, ...Object.fromEntries([...statuses].map(([server, status]) => [`health.${server}`, status])) };
  const summary = `${reading.shape} shape: ${expected.map((server) => `${server} ${statusOf(statuses, server)}`).join(', ')}`;
  return decide(conditions, obs.failure, { ...measured, extra }, summary);
}
