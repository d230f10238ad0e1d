/**
 * The requests the parity suite sends to the demo gateway and to the real stack, and what it keeps of each answer:
 * a flat record of named shape fields (status, media type, error envelope, SSE framing, tool-name prefixes,
 * `_meta` server outcomes…). Fields with the same name must be equal on both sides unless
 * accepted-differences.ts lists that case and field with a reason.
 */
import { createParser } from 'eventsource-parser';

/** One request; `KEY` in a header value is replaced by the key, `WRONG` by a key that never works. */
export interface ParityCase {
  id: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** The fields to compare, from the answer. */
  shape: (answer: Answer) => Record<string, unknown>;
}

/** An answer as the suite read it (body capped at 256 KiB). */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

const MCP = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
const withKey = { authorization: 'Bearer KEY' };
const rpc = (id: number, method: string, params?: unknown) => ({ jsonrpc: '2.0', id, method, ...(params === undefined ? {} : { params }) });
const init = rpc(1, 'initialize', { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'proofbook-parity', version: '1' } });

export const mediaType = (answer: Answer): string | null => answer.headers.get('content-type')?.split(';')[0]?.trim() ?? null;
const json = (answer: Answer): unknown => {
  try {
    return JSON.parse(answer.text);
  } catch {
    return undefined;
  }
};
const sortedKeys = (value: unknown): string[] | null => (value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value).sort() : null);

/** Status and media type: every case compares these. */
const head = (answer: Answer) => ({ status: answer.status, mediaType: mediaType(answer) });
const exactBody = (answer: Answer) => ({ ...head(answer), body: answer.text });
const jsonKeys = (answer: Answer) => ({ ...head(answer), jsonKeys: sortedKeys(json(answer)) });

/** SSE framing: CRLF separators, `event: message` frames, and the JSON-RPC message of the first one. */
export function sseMessages(text: string): { crlf: boolean; events: string[]; messages: Array<Record<string, any>> } {
  const events: string[] = [];
  const messages: Array<Record<string, any>> = [];
  createParser({
    onEvent: (event) => {
      events.push(event.event ?? '(none)');
      try {
        messages.push(JSON.parse(event.data));
      } catch {
        messages.push({ unparsable: event.data.slice(0, 80) });
      }
    },
  }).feed(text);
  return { crlf: /\r\n\r\n/.test(text) && !/[^\r]\n\n/.test(text), events, messages };
}

/** The fields of an MCP answer: framing, the JSON-RPC result's keys or its error code. */
function mcpShape(answer: Answer) {
  const sse = sseMessages(answer.text);
  const message = sse.messages[0];
  return {
    ...head(answer),
    frames: sse.events,
    crlf: sse.crlf,
    rpcError: message?.error ? { code: message.error.code } : null,
    resultKeys: sortedKeys(message?.result),
  };
}

/** tools/list: names grouped by `<server>-` prefix, and `_meta` server outcomes. */
function toolsShape(answer: Answer) {
  const message = sseMessages(answer.text).messages[0];
  const tools: Array<{ name: string }> = message?.result?.tools ?? [];
  return {
    ...mcpShape(answer),
    toolNames: tools.map((tool) => tool.name).sort(),
    serverOutcomes: message?.result?._meta?.['litellm.ai/server_outcomes'] ?? null,
  };
}

/** tools/call: error flag and the first text item, with the served folder's path made neutral. */
function callShape(answer: Answer) {
  const result = sseMessages(answer.text).messages[0]?.result;
  const text: string | undefined = result?.content?.[0]?.text;
  return { ...mcpShape(answer), isError: result?.isError ?? null, text: text?.replace(/\/\S+/g, '<path>') ?? null };
}

export const parityCases: ParityCase[] = [
  // Traefik: no Authorization → no router matches → Go's 404, whatever the path.
  { id: 'traefik-404 GET /v1/models', method: 'GET', path: '/v1/models', shape: (a) => ({ ...exactBody(a), nosniff: a.headers.get('x-content-type-options') }) },
  { id: 'traefik-404 POST /mcp/', method: 'POST', path: '/mcp/', headers: MCP, body: init, shape: exactBody },
  { id: 'traefik-404 empty Bearer', method: 'GET', path: '/health/readiness', headers: { authorization: 'Bearer ' }, shape: exactBody },
  { id: 'traefik-404 x-litellm-api-key alone', method: 'POST', path: '/mcp/', headers: { ...MCP, 'x-litellm-api-key': 'Bearer KEY' }, body: init, shape: exactBody },
  // Open router and the status router (admin key injected).
  { id: 'open /ui', method: 'GET', path: '/ui', shape: (a) => ({ ...head(a), location: a.headers.get('location')?.replace(/^https?:\/\/[^/]+/, '') ?? null }) },
  { id: 'open /swagger/swagger-ui.css', method: 'GET', path: '/swagger/swagger-ui.css', shape: head },
  { id: 'open /openapi.json', method: 'GET', path: '/openapi.json', shape: (a) => ({ ...head(a), start: a.text.slice(0, 18) }) },
  { id: 'open /docs', method: 'GET', path: '/docs', shape: head },
  {
    id: 'status route without a key', method: 'GET', path: '/schedule/model_cost_map_reload/status',
    shape: (a) => ({ ...head(a), required: ['scheduled', 'interval_hours', 'last_run', 'next_run'].filter((k) => Object.hasOwn((json(a) ?? {}) as object, k)), jsonKeys: sortedKeys(json(a)) }),
  },
  // LiteLLM behind the gate.
  { id: 'wrong key GET /v1/models', method: 'GET', path: '/v1/models', headers: { authorization: 'Bearer WRONG' }, shape: jsonKeys },
  { id: 'wrong key POST /mcp/', method: 'POST', path: '/mcp/', headers: { ...MCP, authorization: 'Bearer WRONG' }, body: init, shape: jsonKeys },
  { id: 'right key GET /v1/models', method: 'GET', path: '/v1/models', headers: withKey, shape: jsonKeys },
  { id: 'unknown path', method: 'GET', path: '/no/such/route', headers: withKey, shape: exactBody },
  { id: 'liveliness', method: 'GET', path: '/health/liveliness', headers: withKey, shape: exactBody },
  { id: 'readiness', method: 'GET', path: '/health/readiness', headers: withKey, shape: (a) => ({ ...jsonKeys(a), status: (json(a) as { status?: string })?.status }) },
  // MCP over Streamable HTTP.
  {
    id: 'initialize', method: 'POST', path: '/mcp/', headers: { ...MCP, ...withKey }, body: init,
    shape: (a) => {
      const result = sseMessages(a.text).messages[0]?.result;
      return { ...mcpShape(a), serverName: result?.serverInfo?.name, serverVersion: result?.serverInfo?.version, protocolVersion: result?.protocolVersion, capabilities: sortedKeys(result?.capabilities), sessionId: a.headers.has('mcp-session-id') };
    },
  },
  { id: 'bare /mcp (no redirect)', method: 'POST', path: '/mcp', headers: { ...MCP, ...withKey }, body: rpc(2, 'tools/list'), shape: (a) => ({ ...toolsShape(a), location: a.headers.get('location') }) },
  { id: 'tools/list, x-mcp-servers comma list', method: 'POST', path: '/mcp/', headers: { ...MCP, ...withKey, 'x-mcp-servers': 'mcp_postgres,mcp_filesystem' }, body: rpc(2, 'tools/list'), shape: toolsShape },
  { id: 'tools/list, x-mcp-servers narrows to one', method: 'POST', path: '/mcp/', headers: { ...MCP, ...withKey, 'x-mcp-servers': 'mcp_postgres' }, body: rpc(2, 'tools/list'), shape: toolsShape },
  { id: 'tools/list, x-mcp-servers unknown name ignored', method: 'POST', path: '/mcp/', headers: { ...MCP, ...withKey, 'x-mcp-servers': 'mcp_postgres,nosuch' }, body: rpc(2, 'tools/list'), shape: toolsShape },
  { id: 'tools/list, x-mcp-servers JSON array', method: 'POST', path: '/mcp/', headers: { ...MCP, ...withKey, 'x-mcp-servers': '["mcp_postgres"]' }, body: rpc(2, 'tools/list'), shape: toolsShape },
  { id: 'tools/list, x-litellm-api-key beside a wrong Authorization', method: 'POST', path: '/mcp/', headers: { ...MCP, authorization: 'Bearer WRONG', 'x-litellm-api-key': 'Bearer KEY', 'x-mcp-servers': 'mcp_postgres' }, body: rpc(2, 'tools/list'), shape: toolsShape },
  { id: 'tools/list on /mcp_postgres/mcp', method: 'POST', path: '/mcp_postgres/mcp', headers: { ...MCP, ...withKey }, body: rpc(2, 'tools/list'), shape: toolsShape },
  { id: 'tools/list on /nosuch/mcp', method: 'POST', path: '/nosuch/mcp', headers: { ...MCP, ...withKey }, body: rpc(2, 'tools/list'), shape: exactBody },
  { id: 'tools/list on /mcp/tools', method: 'POST', path: '/mcp/tools', headers: { ...MCP, ...withKey }, body: rpc(2, 'tools/list'), shape: toolsShape },
  { id: 'canary mcp_postgres query SELECT 1', method: 'POST', path: '/mcp/', headers: { ...MCP, ...withKey }, body: rpc(3, 'tools/call', { name: 'mcp_postgres-query', arguments: { sql: 'SELECT 1 AS one' } }), shape: callShape },
  { id: 'canary mcp_filesystem list_allowed_directories', method: 'POST', path: '/mcp/', headers: { ...MCP, ...withKey }, body: rpc(3, 'tools/call', { name: 'mcp_filesystem-list_allowed_directories', arguments: {} }), shape: callShape },
  { id: 'tools/call of an unknown tool', method: 'POST', path: '/mcp/', headers: { ...MCP, ...withKey }, body: rpc(3, 'tools/call', { name: 'nope-tool', arguments: {} }), shape: callShape },
  { id: 'notifications/initialized', method: 'POST', path: '/mcp/', headers: { ...MCP, ...withKey }, body: { jsonrpc: '2.0', method: 'notifications/initialized' }, shape: (a) => ({ status: a.status, body: a.text }) },
  { id: 'POST without text/event-stream in Accept', method: 'POST', path: '/mcp/', headers: { ...MCP, ...withKey, accept: 'application/json' }, body: rpc(2, 'tools/list'), shape: (a) => ({ ...head(a), error: (json(a) as any)?.error }) },
  { id: 'PUT /mcp/', method: 'PUT', path: '/mcp/', headers: withKey, shape: (a) => ({ ...head(a), allow: a.headers.get('allow'), error: (json(a) as any)?.error }) },
  { id: 'DELETE with a session id', method: 'DELETE', path: '/mcp/', headers: { ...withKey, 'mcp-session-id': 'abc' }, shape: exactBody },
  // REST and health routes of the MCP gateway.
  { id: 'REST /mcp-rest/tools/list', method: 'GET', path: '/mcp-rest/tools/list', headers: withKey, shape: restShape },
  { id: 'REST /mcp-rest/tools/list?server_id=mcp_postgres', method: 'GET', path: '/mcp-rest/tools/list?server_id=mcp_postgres', headers: withKey, shape: restShape },
  { id: 'MCP server health', method: 'GET', path: '/v1/mcp/server/health', headers: withKey, shape: healthShape },
  // Issue 26 step 6: the routes and variants the depth checks (content/checks/depth.yaml) probe.
  { id: 'REST /mcp-rest/tools/list?server_id=nosuch', method: 'GET', path: '/mcp-rest/tools/list?server_id=nosuch', headers: withKey, shape: exactBody },
  { id: 'MCP server health ?server_ids=<mcp_filesystem id>', method: 'GET', path: '/v1/mcp/server/health?server_ids=6949e1a64796e392feaca57813df0360', headers: withKey, shape: healthShape },
  { id: 'MCP server list', method: 'GET', path: '/v1/mcp/server', headers: withKey, shape: serverListShape },
  { id: 'x-litellm-api-key beside a wrong Bearer GET /v1/models', method: 'GET', path: '/v1/models', headers: { authorization: 'Bearer WRONG', 'x-litellm-api-key': 'Bearer KEY' }, shape: jsonKeys },
  { id: 'x-litellm-api-key beside a wrong Bearer GET /v1/mcp/server/health', method: 'GET', path: '/v1/mcp/server/health', headers: { authorization: 'Bearer WRONG', 'x-litellm-api-key': 'KEY' }, shape: healthShape },
  { id: 'a wrong x-litellm-api-key beside the right Bearer', method: 'GET', path: '/v1/models', headers: { ...withKey, 'x-litellm-api-key': 'WRONG' }, shape: jsonKeys },
  { id: 'traefik-404 x-litellm-api-key alone GET /v1/models', method: 'GET', path: '/v1/models', headers: { 'x-litellm-api-key': 'Bearer KEY' }, shape: exactBody },
  { id: 'initialize, x-mcp-servers JSON array', method: 'POST', path: '/mcp/', headers: { ...MCP, ...withKey, 'x-mcp-servers': '["mcp_postgres","mcp_filesystem"]' }, body: init, shape: exactBody },
  { id: 'initialize, x-mcp-servers unknown name', method: 'POST', path: '/mcp/', headers: { ...MCP, ...withKey, 'x-mcp-servers': 'nosuch' }, body: init, shape: exactBody },
  { id: 'initialize, x-mcp-servers comma list', method: 'POST', path: '/mcp/', headers: { ...MCP, ...withKey, 'x-mcp-servers': 'mcp_postgres,mcp_filesystem' }, body: init, shape: (a) => ({ ...mcpShape(a), protocolVersion: sseMessages(a.text).messages[0]?.result?.protocolVersion }) },
  { id: 'tools/call, x-mcp-servers naming no allowed server', method: 'POST', path: '/mcp/', headers: { ...MCP, ...withKey, 'x-mcp-servers': 'nosuch' }, body: rpc(3, 'tools/call', { name: 'mcp_filesystem-list_allowed_directories', arguments: {} }), shape: callShape },
  { id: 'tools/call, another server\'s tool on a one-server scope', method: 'POST', path: '/mcp/', headers: { ...MCP, ...withKey, 'x-mcp-servers': 'mcp_filesystem' }, body: rpc(3, 'tools/call', { name: 'mcp_postgres-query', arguments: { sql: 'SELECT 1' } }), shape: callShape },
  { id: 'tools/call, a bare tool name on /mcp_filesystem/mcp', method: 'POST', path: '/mcp_filesystem/mcp', headers: { ...MCP, ...withKey }, body: rpc(3, 'tools/call', { name: 'list_allowed_directories', arguments: {} }), shape: callShape },
  { id: 'tools/call, the canary scoped to mcp_postgres', method: 'POST', path: '/mcp/', headers: { ...MCP, ...withKey, 'x-mcp-servers': 'mcp_postgres' }, body: rpc(3, 'tools/call', { name: 'mcp_postgres-query', arguments: { sql: 'SELECT 1 AS one' } }), shape: callShape },
  { id: 'tools/call, an SQL error upstream', method: 'POST', path: '/mcp/', headers: { ...MCP, ...withKey, 'x-mcp-servers': 'mcp_postgres' }, body: rpc(3, 'tools/call', { name: 'mcp_postgres-query', arguments: { sql: 'SELEC nonsense' } }), shape: callShape },
];

function serverListShape(answer: Answer) {
  const body = json(answer);
  const servers = Array.isArray(body) ? (body as Array<{ server_id?: string; server_name?: string; transport?: string }>) : [];
  return { ...head(answer), isArray: Array.isArray(body), servers: servers.map((s) => `${s.server_name}=${s.server_id} (${s.transport})`).sort() };
}

function restShape(answer: Answer) {
  const body = json(answer) as { tools?: Array<{ name: string; mcp_info?: { server_name?: string } }>; error?: unknown; message?: unknown } | undefined;
  return {
    ...head(answer),
    jsonKeys: sortedKeys(body),
    error: body?.error ?? null,
    message: body?.message ?? null,
    tools: (body?.tools ?? []).map((tool) => `${tool.mcp_info?.server_name}:${tool.name}`).sort(),
    serverOutcomes: (body as { server_outcomes?: unknown } | undefined)?.server_outcomes ?? null,
  };
}

function healthShape(answer: Answer) {
  const body = json(answer);
  const entries = Array.isArray(body) ? body : [];
  return {
    ...head(answer),
    isArray: Array.isArray(body),
    entries: entries.map((entry: { server_id?: string; status?: string }) => `${entry.server_id}:${entry.status}`).sort(),
    entryKeys: [...new Set(entries.flatMap((entry: object) => Object.keys(entry)))].sort(),
  };
}
