import type { McpHealthCheck } from '../schemas/depth-check.ts';
import type { McpHealthObservation } from '../schemas/observation.ts';
import { authHeaders, joinUrl, type ProbeContext } from './context.ts';
import { sendRequest } from './http-client.ts';
import { sendOptions } from './http.ts';

/** Health answers and server lists are small; a bigger body is cut rather than read. */
const MAX_BYTES = 256 * 1024;

/**
 * `kind: mcp-health`: GETs the proxy's MCP health endpoint, then its server list, which names the hashed ids the
 * newer health shape carries. Both answers are observed as they are; src/checks/mcp-health.ts reads the shapes.
 */
export async function probeMcpHealth(check: McpHealthCheck, ctx: ProbeContext): Promise<McpHealthObservation> {
  const t0 = ctx.now();
  const options = { ...sendOptions(ctx, t0), maxBodyBytes: Math.min(ctx.maxBodyBytes, MAX_BYTES) };
  const headers = authHeaders(ctx, check.auth);
  const health = await sendRequest({ label: `GET ${check.path}`, method: 'GET', url: joinUrl(ctx.baseUrl, check.path), headers }, options);
  const transcript = [health.entry];
  // Without a health answer there is nothing to name.
  const list = health.response ? await sendRequest({ label: `GET ${check.serversPath}`, method: 'GET', url: joinUrl(ctx.baseUrl, check.serversPath), headers }, options) : null;
  if (list) transcript.push(list.entry);
  const expected = check.servers ?? ctx.environment.servers;
  return { kind: 'mcp-health', failure: health.failure, health: health.response, list: list?.response ?? null, expected, latencyMs: ctx.now() - t0, transcript };
}
