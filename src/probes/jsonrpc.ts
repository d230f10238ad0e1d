import { createParser } from 'eventsource-parser';

/**
 * JSON-RPC over Streamable HTTP: a reply is either one JSON object or an SSE stream whose `data:` carries the
 * message, possibly after other events (mcp-clients.md §6 step 2). Pure helpers; the reading is in mcp.ts.
 */

/** A JSON-RPC 2.0 response as far as the probe needs it. */
export interface JsonRpcResponse {
  jsonrpc: '2.0';
  id: string | number | null;
  result?: Record<string, unknown>;
  error?: { code: number; message: string; data?: unknown };
}

export type RpcParse = { ok: true; message: JsonRpcResponse } | { ok: false; reason: string };

/** Parses one JSON-RPC message; anything that is not a JSON-RPC 2.0 object is a protocol failure with a reason. */
export function parseJsonRpc(text: string): RpcParse {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `invalid JSON: ${(error as Error).message} in ${JSON.stringify(text.slice(0, 80))}` };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, reason: 'JSON-RPC message is not an object' };
  const message = value as Partial<JsonRpcResponse> & { method?: unknown };
  if (message.jsonrpc !== '2.0') return { ok: false, reason: `not JSON-RPC 2.0 (jsonrpc = ${JSON.stringify(message.jsonrpc)})` };
  if (message.result !== undefined && (typeof message.result !== 'object' || message.result === null)) {
    return { ok: false, reason: 'JSON-RPC result is not an object' };
  }
  return { ok: true, message: message as JsonRpcResponse };
}

/** Incremental reader of an SSE-framed reply that stops caring once the response with `id` has arrived. */
export interface SseReplyCollector {
  feed(chunk: string): void;
  /** The response with the wanted id, once seen. */
  readonly found: JsonRpcResponse | undefined;
  /** The first malformed message, if any came before the response. */
  readonly problem: string | undefined;
  /** True when the bytes fed so far end on an event boundary (nothing half-sent). */
  readonly atBoundary: boolean;
}

/** Creates a collector for the reply to request `id`. Empty `data:` (the SDK's priming event) is skipped. */
export function createSseReplyCollector(id: string | number): SseReplyCollector {
  let found: JsonRpcResponse | undefined;
  let problem: string | undefined;
  let tail = '';
  const parser = createParser({
    onEvent(event) {
      if (found || !event.data.trim()) return;
      const parsed = parseJsonRpc(event.data);
      if (!parsed.ok) problem ??= parsed.reason;
      else if (parsed.message.id === id) found = parsed.message;
    },
    onError(error) {
      problem ??= `malformed SSE: ${error.message}`;
    },
  });
  return {
    feed(chunk) {
      tail = (tail + chunk).slice(-4);
      parser.feed(chunk);
    },
    get found() {
      return found;
    },
    get problem() {
      return problem;
    },
    get atBoundary() {
      return tail === '' || /(\r\n\r\n|\n\n|\r\r)$/.test(tail);
    },
  };
}

/** Finds the reply to `id` in a plain JSON body (a single object; 2025-03-26 servers may answer with a batch). */
export function pickJsonReply(text: string, id: string | number): RpcParse {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `invalid JSON: ${(error as Error).message}` };
  }
  const candidates = Array.isArray(value) ? value : [value];
  for (const candidate of candidates) {
    const parsed = parseJsonRpc(JSON.stringify(candidate));
    if (!parsed.ok) return parsed;
    if (parsed.message.id === id) return parsed;
  }
  return { ok: false, reason: `no JSON-RPC response with id ${id} in the body` };
}
