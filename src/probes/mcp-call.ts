import type { McpCallCheck } from '../schemas/depth-check.ts';
import type { McpCallObservation } from '../schemas/observation.ts';
import { failure } from './classify.ts';
import { authHeaders, joinUrl, scopeHeaders, type ProbeContext } from './context.ts';
import { deleteSession, postJsonRpc, type RpcOptions } from './mcp-exchange.ts';
import { rpcError } from './mcp.ts';

/** The first text item of a result is kept to this many characters (it is rendered, and may be long). */
const MAX_TEXT = 2000;
const DELETE_TIMEOUT_MS = 2000;

/** The parts of a `tools/call` result a check reads. */
function readResult(result: Record<string, unknown>): NonNullable<McpCallObservation['result']> {
  const content = Array.isArray(result.content) ? (result.content as Array<{ type?: unknown; text?: unknown }>) : [];
  const text = content.find((item) => item?.type === 'text' && typeof item.text === 'string')?.text as string | undefined;
  return {
    ...(typeof result.isError === 'boolean' ? { isError: result.isError } : {}),
    ...(text !== undefined ? { text: text.slice(0, MAX_TEXT) } : {}),
    contentTypes: content.map((item) => String(item?.type ?? '?')),
  };
}

async function callTool(check: McpCallCheck, obs: McpCallObservation, base: RpcOptions): Promise<void> {
  const init = await postJsonRpc('initialize', { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: check.protocolVersion, capabilities: {}, clientInfo: { name: 'proofbook-canary', version: '1' } } }, base);
  obs.transcript.push(init.entry);
  if (init.status !== undefined) obs.status = init.status;
  obs.failure = init.failure ?? rpcError('initialize', init, obs);
  if (obs.failure) return;
  const version = init.message?.result?.protocolVersion;
  if (typeof version !== 'string') {
    obs.failure = failure('protocol', 'initialize result has no protocolVersion');
    return;
  }
  obs.protocolVersion = version;
  const sessionId = init.headers['mcp-session-id'];
  const session: RpcOptions = { ...base, headers: { ...base.headers, 'mcp-protocol-version': version, ...(sessionId ? { 'mcp-session-id': sessionId } : {}) } };
  try {
    obs.step = 'initialized';
    const note = await postJsonRpc('notifications/initialized', { jsonrpc: '2.0', method: 'notifications/initialized' }, session);
    obs.transcript.push(note.entry);
    obs.failure = note.failure;
    if (obs.failure) return;
    obs.step = 'tools/call';
    const call = await postJsonRpc(`tools/call ${check.tool}`, { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: check.tool, arguments: check.arguments } }, session);
    obs.transcript.push(call.entry);
    if (call.status !== undefined) obs.status = call.status;
    obs.failure = call.failure ?? rpcError('tools/call', call, obs);
    if (obs.failure) return;
    const result = call.message?.result;
    if (!result) {
      obs.failure = failure('protocol', 'tools/call answered with neither a result nor an error');
      return;
    }
    obs.result = readResult(result);
    obs.step = 'done';
  } finally {
    // A stateful gateway keeps the session until told; its own deadline, so a timed-out call still ends it.
    if (sessionId) obs.transcript.push((await deleteSession({ ...session, signal: AbortSignal.timeout(DELETE_TIMEOUT_MS) })).entry);
  }
}

/**
 * `kind: mcp-call`: initialize → notifications/initialized → tools/call → DELETE, with the environment's key and the
 * check's `x-mcp-servers` scope. A JSON-RPC error or a failed HTTP exchange is the observation's failure; a result
 * with `isError` is observed, and judged by src/checks/mcp-call.ts.
 */
export async function probeMcpCall(check: McpCallCheck, ctx: ProbeContext): Promise<McpCallObservation> {
  const t0 = ctx.now();
  const servers = check.servers ?? ctx.environment.servers;
  const obs: McpCallObservation = { kind: 'mcp-call', failure: null, latencyMs: 0, transcript: [], step: 'initialize', tool: check.tool };
  const base: RpcOptions = {
    url: joinUrl(ctx.baseUrl, check.path ?? ctx.environment.mcpPath),
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...authHeaders(ctx, check.auth), ...scopeHeaders(servers) },
    dispatcher: ctx.dispatcher,
    signal: ctx.signal,
    maxBodyBytes: ctx.maxBodyBytes,
    now: ctx.now,
    t0,
    // A refusal's excerpt (LiteLLM's 401 echoes the key) is redacted before it is cut into the failure message.
    ...(ctx.secrets ? { secrets: ctx.secrets } : {}),
  };
  try {
    await callTool(check, obs, base);
  } finally {
    obs.latencyMs = ctx.now() - t0;
  }
  return obs;
}
