import { Agent, type Dispatcher } from 'undici';
import type { McpCheck } from '../schemas/check.ts';
import { failure } from './classify.ts';
import { authHeaders, DEFAULT_MAX_BODY_BYTES, joinUrl, scopeHeaders, type ProbeContext } from './context.ts';
import { deleteSession, postJsonRpc, type RpcExchange, type RpcOptions } from './mcp-exchange.ts';
import type { McpObservation, ObservedTool } from '../schemas/observation.ts';
import { schemaDigest, serverOfTool } from '../util/tool-identity.ts';

/** What `mcpListTools` needs. `headers` are the client's own (auth, `x-mcp-servers`, …); protocol headers are added. */
export interface McpListToolsOptions {
  url: string;
  headers: Record<string, string>;
  signal: AbortSignal;
  dispatcher?: Dispatcher;
  protocolVersion?: string;
  /** Servers the tools are attributed to by their `<server>-` prefix (besides those in server_outcomes). */
  scopedServers?: readonly string[];
  /**
   * Other servers the gateway is known to have (the environment's), so a tool from one of them that the gateway
   * returns outside the requested scope is attributed to it and seen as a scope violation.
   */
  knownServers?: readonly string[];
  steps?: 'initialize' | 'tools-list';
  maxPages?: number;
  maxBodyBytes?: number;
  now?: () => number;
  clientInfo?: { name: string; version: string };
  /** See RpcOptions.secrets. */
  secrets?: RpcOptions['secrets'];
}

const SERVER_OUTCOMES_KEY = 'litellm.ai/server_outcomes';
const DELETE_TIMEOUT_MS = 2000;

/** Reads `_meta["litellm.ai/server_outcomes"]` (`tool_count` → `toolCount`); ignores anything malformed. */
function readOutcomes(result: Record<string, unknown> | undefined): McpObservation['serverOutcomes'] {
  const meta = result?._meta as Record<string, unknown> | undefined;
  const raw = meta?.[SERVER_OUTCOMES_KEY];
  if (!raw || typeof raw !== 'object') return undefined;
  const out: NonNullable<McpObservation['serverOutcomes']> = {};
  for (const [server, value] of Object.entries(raw as Record<string, { status?: unknown; tool_count?: unknown }>)) {
    out[server] = { status: String(value?.status ?? 'unknown'), ...(typeof value?.tool_count === 'number' ? { toolCount: value.tool_count } : {}) };
  }
  return out;
}

/** Turns a JSON-RPC error reply into a protocol failure, keeping the error itself on the observation. */
export function rpcError(step: string, exchange: RpcExchange, obs: { rpcError?: { code: number; message: string } }) {
  const error = exchange.message?.error;
  if (!error) return null;
  obs.rpcError = { code: error.code, message: String(error.message) };
  return failure('protocol', `${step} returned JSON-RPC error ${error.code}: ${error.message}`);
}

/**
 * The MCP exchange every MCP check (and client-profile probes) is built on: initialize → notifications/initialized
 * → tools/list with cursor pagination → DELETE the session. Echoes `Mcp-Session-Id`, sends `MCP-Protocol-Version`
 * after initialize (mcp-clients.md §6). Never throws for a failing target; the failure is in the observation.
 */
export async function mcpListTools(options: McpListToolsOptions): Promise<McpObservation> {
  const now = options.now ?? (() => performance.now());
  const ownDispatcher = options.dispatcher ? undefined : new Agent();
  const t0 = now();
  const base: RpcOptions = {
    url: options.url,
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...options.headers },
    dispatcher: options.dispatcher ?? ownDispatcher!,
    signal: options.signal,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    now,
    t0,
    ...(options.secrets ? { secrets: options.secrets } : {}),
  };
  const obs: McpObservation = { kind: 'mcp', failure: null, latencyMs: 0, transcript: [], step: 'initialize', sessionId: false, tools: [], pages: 0, scopedServers: [...(options.scopedServers ?? [])] };
  try {
    await runExchange(obs, base, options);
  } finally {
    obs.latencyMs = now() - t0;
    await ownDispatcher?.close();
  }
  return obs;
}

async function runExchange(obs: McpObservation, base: RpcOptions, options: McpListToolsOptions): Promise<void> {
  const offered = options.protocolVersion ?? '2025-11-25';
  const clientInfo = options.clientInfo ?? { name: 'proofbook-probe', version: '1' };
  const init = await postJsonRpc('initialize', { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: offered, capabilities: {}, clientInfo } }, base);
  obs.transcript.push(init.entry);
  if (init.status !== undefined) obs.status = init.status;
  obs.failure = init.failure ?? rpcError('initialize', init, obs);
  if (obs.failure) return;
  const result = init.message?.result ?? {};
  if (typeof result.protocolVersion !== 'string') {
    obs.failure = failure('protocol', 'initialize result has no protocolVersion');
    return;
  }
  obs.protocolVersion = result.protocolVersion;
  const info = result.serverInfo as { name?: unknown; version?: unknown } | undefined;
  if (info && typeof info.name === 'string') obs.serverInfo = { name: info.name, ...(typeof info.version === 'string' ? { version: info.version } : {}) };
  const sessionId = init.headers['mcp-session-id'];
  obs.sessionId = Boolean(sessionId);
  const session: RpcOptions = {
    ...base,
    headers: { ...base.headers, 'mcp-protocol-version': obs.protocolVersion, ...(sessionId ? { 'mcp-session-id': sessionId } : {}) },
  };
  try {
    obs.step = 'initialized';
    const note = await postJsonRpc('notifications/initialized', { jsonrpc: '2.0', method: 'notifications/initialized' }, session);
    obs.transcript.push(note.entry);
    obs.failure = note.failure;
    if (obs.failure || options.steps === 'initialize') {
      if (!obs.failure) obs.step = 'done';
      return;
    }
    obs.step = 'tools/list';
    await listAllTools(obs, session, options.maxPages ?? 50, options.knownServers ?? []);
    if (!obs.failure) obs.step = 'done';
  } finally {
    if (sessionId) await endSession(obs, session);
  }
}

/** Walks `tools/list` pages until no `nextCursor` (an empty string is still a cursor: mcp-clients.md §6 step 6). */
async function listAllTools(obs: McpObservation, session: RpcOptions, maxPages: number, knownServers: readonly string[]): Promise<void> {
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let page = 0; ; page++) {
    if (page >= maxPages) {
      obs.failure = failure('protocol', `tools/list still had a nextCursor after ${maxPages} pages`);
      return;
    }
    const params = cursor === undefined ? {} : { cursor };
    const reply = await postJsonRpc(page ? `tools/list (page ${page + 1})` : 'tools/list', { jsonrpc: '2.0', id: 2 + page, method: 'tools/list', params }, session);
    obs.transcript.push(reply.entry);
    obs.failure = reply.failure ?? rpcError('tools/list', reply, obs);
    if (obs.failure) return;
    const result = reply.message?.result ?? {};
    if (!Array.isArray(result.tools)) {
      obs.failure = failure('protocol', 'tools/list result has no tools array');
      return;
    }
    obs.pages = page + 1;
    const outcomes = readOutcomes(result);
    if (outcomes) obs.serverOutcomes = { ...obs.serverOutcomes, ...outcomes };
    const known = [...new Set([...obs.scopedServers, ...Object.keys(obs.serverOutcomes ?? {}), ...knownServers])];
    for (const tool of result.tools as Array<{ name?: unknown; inputSchema?: unknown }>) {
      if (typeof tool?.name !== 'string') continue;
      const server = serverOfTool(tool.name, known);
      obs.tools.push({ name: tool.name, ...(server ? { server } : {}), schemaDigest: schemaDigest(tool.inputSchema) } satisfies ObservedTool);
    }
    const next = result.nextCursor;
    if (next === undefined || next === null) return;
    if (typeof next !== 'string' || seen.has(next)) {
      obs.failure = failure('protocol', `tools/list returned ${typeof next === 'string' ? 'a repeated' : 'a non-string'} nextCursor`);
      return;
    }
    seen.add(next);
    cursor = next;
  }
}

/** DELETE has its own short deadline so a probe that timed out still ends its session. */
async function endSession(obs: McpObservation, session: RpcOptions): Promise<void> {
  const deleted = await deleteSession({ ...session, signal: AbortSignal.timeout(DELETE_TIMEOUT_MS) });
  obs.transcript.push(deleted.entry);
  if (deleted.status !== undefined) obs.deleteStatus = deleted.status;
}

/** `kind: mcp`: the MCP exchange with the environment's key and `x-mcp-servers` scope. */
export async function probeMcp(check: McpCheck, ctx: ProbeContext): Promise<McpObservation> {
  const servers = check.servers ?? ctx.environment.servers;
  return mcpListTools({
    url: joinUrl(ctx.baseUrl, check.path ?? ctx.environment.mcpPath),
    headers: { ...authHeaders(ctx, check.auth), ...scopeHeaders(servers) },
    signal: ctx.signal,
    dispatcher: ctx.dispatcher,
    protocolVersion: check.protocolVersion,
    scopedServers: servers,
    knownServers: ctx.environment.servers,
    steps: check.steps,
    maxPages: check.maxPages,
    maxBodyBytes: ctx.maxBodyBytes,
    now: ctx.now,
    ...(ctx.secrets ? { secrets: ctx.secrets } : {}),
  });
}
