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
  /** Set once a line or an event passed its limit: the limit, named for the failure message. Feeding stops. */
  readonly overLimit: string | undefined;
}

/** Longest SSE line the probe buffers: a JSON-RPC reply of a big catalog fits; an endless line does not (issue 25 item 4). */
export const MAX_SSE_LINE_CHARS = 512 * 1024;
/** Longest SSE event (all its lines) the probe buffers. */
export const MAX_SSE_EVENT_CHARS = 1024 * 1024;

/**
 * Counts the open SSE line and event through each chunk fed to it; returns the limit passed, naming it, once a
 * line or an event is longer than allowed (and from then on), else undefined.
 */
export function sseLimiter(limits: { line: number; event: number }): (chunk: string) => string | undefined {
  let lineChars = 0;
  let eventChars = 0;
  let over: string | undefined;
  return (chunk) => {
    if (over) return over;
    for (const part of chunk.split(/(\r\n|\n|\r)/)) {
      if (/^(\r\n|\n|\r)$/.test(part)) {
        if (lineChars === 0) eventChars = 0; // a blank line ends the event
        lineChars = 0;
        continue;
      }
      lineChars += part.length;
      eventChars += part.length;
      if (lineChars > limits.line) over = `an SSE line longer than ${limits.line} characters`;
      else if (eventChars > limits.event) over = `an SSE event longer than ${limits.event} characters`;
      if (over) return over;
    }
    return undefined;
  };
}

/**
 * Creates a collector for the reply to request `id`. Empty `data:` (the SDK's priming event) is skipped. A line or
 * an event longer than its limit is never buffered whole: the collector stops and names the limit.
 */
export function createSseReplyCollector(id: string | number, limits = { line: MAX_SSE_LINE_CHARS, event: MAX_SSE_EVENT_CHARS }): SseReplyCollector {
  let found: JsonRpcResponse | undefined;
  let problem: string | undefined;
  let overLimit: string | undefined;
  let tail = '';
  const limiter = sseLimiter(limits);
  const withinLimits = (chunk: string): boolean => {
    overLimit = limiter(chunk);
    return overLimit === undefined;
  };
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
      if (overLimit) return;
      tail = (tail + chunk).slice(-4);
      if (withinLimits(chunk)) parser.feed(chunk);
    },
    get overLimit() {
      return overLimit;
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
