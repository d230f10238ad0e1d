import type { McpObservation, ProbeFailure } from '../schemas/observation.ts';
import { observationCore } from './reading.ts';
import { observedTools, readServerOutcomes } from './tools.ts';

/** What a capture shows of one MCP exchange (a curl POST, the Inspector's output). */
export interface ExchangeParts {
  failure: ProbeFailure | null;
  latencyMs: number;
  /** HTTP status of the answer, when the capture shows it. */
  status?: number;
  /** The JSON-RPC `result`: an initialize reply or a tools/list page. */
  result?: Record<string, unknown>;
  /** The request, when known (`initialize`, `tools/list`, `tools/call`). */
  rpcMethod?: string;
  sessionId?: boolean;
  /** Servers the request scoped with `x-mcp-servers`. */
  scope?: readonly string[];
  /** True when the client walked every page itself (the Inspector): the list is the whole catalog. */
  wholeCatalog?: boolean;
}

/** The method a reply answers, from its shape when the capture does not show the request. */
export function rpcMethodOfResult(result: Record<string, unknown> | undefined): string | undefined {
  if (!result) return undefined;
  if (typeof result.protocolVersion === 'string') return 'initialize';
  if (Array.isArray(result.tools)) return 'tools/list';
  if (Array.isArray(result.content) || 'isError' in result) return 'tools/call';
  return undefined;
}

/**
 * The McpObservation a probe would have made of the same exchange, as far as the capture shows it: an initialize reply
 * gives the protocol version and server; a tools/list page its own tools and, with a `nextCursor`, that more pages
 * exist; a capture without initialize says so, so its conditions are not judged (src/checks/mcp.ts).
 */
export function mcpObservation(parts: ExchangeParts): McpObservation {
  const method = parts.rpcMethod ?? rpcMethodOfResult(parts.result);
  const result = parts.result;
  const outcomes = readServerOutcomes(result);
  const scope = [...(parts.scope ?? [])];
  const tools = Array.isArray(result?.tools) ? observedTools(result.tools as unknown[], [...scope, ...Object.keys(outcomes ?? {})]) : [];
  const info = result?.serverInfo as { name?: unknown; version?: unknown } | undefined;
  const next = result?.nextCursor;
  const obs: McpObservation = {
    kind: 'mcp',
    ...observationCore(parts.latencyMs),
    failure: parts.failure,
    step: parts.failure ? (method === 'initialize' ? 'initialize' : 'tools/list') : 'done',
    ...(parts.status !== undefined ? { status: parts.status } : {}),
    ...(typeof result?.protocolVersion === 'string' ? { protocolVersion: result.protocolVersion } : {}),
    ...(info && typeof info.name === 'string' ? { serverInfo: { name: info.name, ...(typeof info.version === 'string' ? { version: info.version } : {}) } } : {}),
    sessionId: parts.sessionId ?? false,
    tools,
    pages: Array.isArray(result?.tools) ? 1 : 0,
    ...(outcomes ? { serverOutcomes: outcomes } : {}),
    scopedServers: scope,
    initializeSeen: method === 'initialize',
  };
  if (method === 'tools/call') {
    obs.toolsListSeen = false;
    if (result) obs.toolCall = { isError: result.isError === true, ...(result.isError === true ? { message: contentText(result) } : {}) };
  } else if (Array.isArray(result?.tools)) {
    obs.morePages = !parts.wholeCatalog && next !== undefined && next !== null;
  }
  return obs;
}

/** The text a tool answered with, for a `tools/call` that returned `isError`. */
function contentText(result: Record<string, unknown>): string {
  const content = Array.isArray(result.content) ? result.content : [];
  const text = content.map((c) => (c && typeof c === 'object' && typeof (c as { text?: unknown }).text === 'string' ? (c as { text: string }).text : '')).filter(Boolean).join(' ');
  return text.slice(0, 200) || 'isError: true';
}
