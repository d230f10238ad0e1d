/**
 * LiteLLM's MCP routes besides the MCP endpoint, as 1.108.4 answers them (checked against the real proxy, issue 26):
 * the REST tool list `/mcp-rest/tools/list[?server_id=]`, the server health `/v1/mcp/server/health[?server_ids=]`
 * (the newer array shape) and the server list `/v1/mcp/server`, reduced to the fields a client reads.
 */
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { authError, requestKey } from './litellm.ts';
import { uvicornJson, type Reply } from './reply.ts';
import type { ListOutcome, UpstreamPool } from './upstream-pool.ts';

/** The routes this module answers. */
export const MCP_MANAGEMENT_PATHS = ['/mcp-rest/tools/list', '/v1/mcp/server/health', '/v1/mcp/server'] as const;

/**
 * LiteLLM's id of a server from config.yaml: the first 32 hex digits of SHA-256 over `name|url|transport|auth_type|alias`
 * (`_generate_stable_server_id`); a stdio server has no url, auth type or alias, so the ids equal the real proxy's.
 */
export function stableServerId(name: string, transport = 'stdio'): string {
  return createHash('sha256').update(`${name}||${transport}||`).digest('hex').slice(0, 32);
}

const sortedNames = (pool: UpstreamPool) => [...pool.names].sort();

/** A tool as the REST list shows it: unprefixed, with the server it belongs to. */
function restTool(server: string, tool: Tool): Record<string, unknown> {
  return { ...tool, mcp_info: { server_name: server, server_id: stableServerId(server), alias: null } };
}

/** A server's outcome on the wire: `{status: ok, tool_count}` or `{status: unreachable}`. */
const outcomeOf = (listed: ListOutcome) => (listed.status === 'ok' ? { status: 'ok', tool_count: listed.tools.length } : { status: 'unreachable' });

async function restToolsList(pool: UpstreamPool, url: URL): Promise<Reply> {
  const asked = url.searchParams.get('server_id') ?? url.searchParams.get('mcp_server_name');
  if (asked !== null) {
    // A name or an id; anything else is not a server this key may use.
    const server = pool.names.find((name) => name === asked || stableServerId(name) === asked);
    if (server === undefined) return uvicornJson(403, { detail: { error: 'access_denied', message: `The key is not allowed to access server ${asked}` } });
    const listed = await pool.listTools(server);
    if (listed.status === 'unreachable') return uvicornJson(502, { detail: { error: 'unreachable', message: `Failed to list tools from server ${server}` } });
    return uvicornJson(200, { tools: listed.tools.map((tool) => restTool(server, tool)), error: null, message: 'Successfully retrieved tools' });
  }
  const names = sortedNames(pool);
  const listings = await Promise.all(names.map((name) => pool.listTools(name)));
  const tools = listings.flatMap((listed, i) => (listed.status === 'ok' ? listed.tools.map((tool) => restTool(names[i]!, tool)) : []));
  const failed = names.filter((_, i) => listings[i]!.status !== 'ok');
  // LiteLLM sets `error` only when nothing at all could be listed; a partial failure shows in server_outcomes alone.
  const allFailed = failed.length > 0 && tools.length === 0;
  return uvicornJson(200, {
    tools,
    error: allFailed ? 'partial_failure' : null,
    message: allFailed ? `Failed to get tools from servers: ${failed.map((name) => `${name}: unreachable`).join('; ')}` : 'Successfully retrieved tools',
    server_outcomes: Object.fromEntries(names.map((name, i) => [name, outcomeOf(listings[i]!)])),
  });
}

/** Healthy when the server lists its tools now, as LiteLLM's health check does. */
async function serverHealth(pool: UpstreamPool, url: URL): Promise<Reply> {
  const wanted = url.searchParams.getAll('server_ids');
  const names = sortedNames(pool).filter((name) => wanted.length === 0 || wanted.includes(stableServerId(name)));
  const listings = await Promise.all(names.map((name) => pool.listTools(name)));
  return uvicornJson(200, names.map((name, i) => ({ server_id: stableServerId(name), status: listings[i]!.status === 'ok' ? 'healthy' : 'unhealthy' })));
}

function serverList(pool: UpstreamPool): Reply {
  return uvicornJson(
    200,
    sortedNames(pool).map((name) => ({
      server_id: stableServerId(name), is_config: true, server_name: name, alias: null, description: null, url: '', transport: 'stdio',
      auth_type: null, status: null, last_health_check: null, health_check_error: null, mcp_info: { server_name: name, is_public: false, is_public_explicit: false },
    })),
  );
}

/** Answers one of {@link MCP_MANAGEMENT_PATHS} behind LiteLLM's key check. */
export async function answerMcpManagement(method: string, url: URL, headers: IncomingHttpHeaders, isValidKey: (key: string) => boolean, pool: UpstreamPool): Promise<Reply> {
  if (method !== 'GET' && method !== 'HEAD') return uvicornJson(405, { detail: 'Method Not Allowed' }, { allow: 'GET' });
  const key = requestKey(headers);
  if (key === undefined || key === '') return authError('No api key passed in.');
  if (!isValidKey(key)) return authError('Invalid proxy server token passed.');
  if (url.pathname === '/mcp-rest/tools/list') return restToolsList(pool, url);
  if (url.pathname === '/v1/mcp/server/health') return serverHealth(pool, url);
  return serverList(pool);
}
