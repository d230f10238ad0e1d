import { request, type Dispatcher } from 'undici';
import { redactedExcerpt, type SecretValue } from '../evidence/redact.ts';
import { classifyError, failure } from './classify.ts';
import { flattenHeaders, readCapped } from './http-client.ts';
import { createSseReplyCollector, MAX_SSE_EVENT_CHARS, MAX_SSE_LINE_CHARS, pickJsonReply, type JsonRpcResponse } from './jsonrpc.ts';
import type { ProbeFailure, TranscriptEntry } from '../schemas/observation.ts';

/** After the reply has arrived, wait this long for the server to end the stream before dropping it. */
const AFTER_REPLY_GRACE_MS = 250;

/** What one JSON-RPC POST produced. */
export interface RpcExchange {
  status?: number;
  headers: Record<string, string>;
  message?: JsonRpcResponse;
  failure: ProbeFailure | null;
  entry: TranscriptEntry;
}

export interface RpcOptions {
  url: string;
  headers: Record<string, string>;
  dispatcher: Dispatcher;
  signal: AbortSignal;
  maxBodyBytes: number;
  now: () => number;
  t0: number;
  /** Redacted from a body before it is cut into a failure message (a 401 can echo the key). */
  secrets?: readonly SecretValue[];
}

/**
 * Reads an SSE reply incrementally until the response to `id` arrives, then for at most AFTER_REPLY_GRACE_MS in
 * all for the end of the stream (fast pings after the reply do not keep it open). Every read is bounded: `cap`
 * bytes in total, and a line or an event past the collector's limits (issue 25 item 4: an endless line after the
 * reply was buffered until the probe ran out of memory).
 */
async function readSseReply(body: Dispatcher.ResponseData['body'], id: string | number, cap: number) {
  const collector = createSseReplyCollector(id, { line: Math.min(MAX_SSE_LINE_CHARS, cap), event: Math.min(MAX_SSE_EVENT_CHARS, cap) });
  const decoder = new TextDecoder();
  const iterator = body[Symbol.asyncIterator]();
  let text = '';
  let bytes = 0;
  let overCap = false;
  let graceEnds: number | undefined;
  for (;;) {
    let timer: NodeJS.Timeout | undefined;
    if (collector.found) graceEnds ??= Date.now() + AFTER_REPLY_GRACE_MS;
    const next = graceEnds !== undefined
      ? await Promise.race([iterator.next(), new Promise<null>((resolve) => (timer = setTimeout(resolve, Math.max(0, graceEnds! - Date.now()), null)))])
      : await iterator.next();
    clearTimeout(timer);
    if (next === null) break;
    if (next.done) break;
    const chunk = decoder.decode(next.value as Buffer, { stream: true });
    bytes += (next.value as Buffer).length;
    if (text.length < cap) text += chunk.slice(0, cap - text.length);
    collector.feed(chunk);
    if (collector.overLimit) break;
    if (bytes > cap) {
      overCap = true;
      break;
    }
  }
  body.destroy();
  return { collector, text, truncated: overCap || collector.overLimit !== undefined, overCap, cap };
}

/** Decides what a finished reply body means: the message, or a protocol failure saying why not. */
function interpretReply(contentType: string, text: string, id: string | number, sse?: ReturnType<typeof createSseReplyCollector>, overCap?: number) {
  if (sse) {
    // Past a limit the server is misbehaving, even after a good reply: it would have held the probe's memory.
    const when = sse.found ? `after the response to request ${id}` : `before a response to request ${id}`;
    if (sse.overLimit) return { failure: failure('protocol', `${sse.overLimit} ${when}; the probe stops reading at that limit`) };
    if (overCap !== undefined) return { failure: failure('protocol', `the reply stream passed the ${overCap}-byte limit ${when}`) };
    if (sse.found) return { message: sse.found };
    if (sse.problem) return { failure: failure('protocol', sse.problem) };
    const why = sse.atBoundary ? 'the stream ended without a response' : 'the stream was cut mid-event (truncated)';
    return { failure: failure('protocol', `${why} to request ${id}`) };
  }
  if (!contentType.startsWith('application/json')) {
    return { failure: failure('protocol', `expected application/json or text/event-stream, got "${contentType || '(none)'}"`) };
  }
  const parsed = pickJsonReply(text, id);
  return parsed.ok ? { message: parsed.message } : { failure: failure('protocol', parsed.reason) };
}

/**
 * POSTs one JSON-RPC message. With an `id`, reads the reply (JSON or SSE-framed); without one (a notification),
 * only the status matters. HTTP errors (>= 400) are `http_status` failures; malformed replies are `protocol`.
 */
export async function postJsonRpc(label: string, payload: Record<string, unknown>, options: RpcOptions): Promise<RpcExchange> {
  const start = options.now();
  const body = JSON.stringify(payload);
  const entry: TranscriptEntry = { label, atMs: start - options.t0, durationMs: 0, request: { method: 'POST', url: options.url, headers: options.headers, body } };
  const id = payload.id as string | number | undefined;
  try {
    const res = await request(options.url, { method: 'POST', headers: options.headers, body, dispatcher: options.dispatcher, signal: options.signal });
    const headers = flattenHeaders(res.headers);
    const contentType = (headers['content-type'] ?? '').toLowerCase();
    const isSse = contentType.startsWith('text/event-stream');
    let result: { message?: JsonRpcResponse; failure?: ProbeFailure } = {};
    let text: string;
    let truncated: boolean;
    if (id !== undefined && res.statusCode < 400 && isSse) {
      const read = await readSseReply(res.body, id, options.maxBodyBytes);
      ({ text, truncated } = read);
      result = interpretReply(contentType, text, id, read.collector, read.overCap ? read.cap : undefined);
    } else {
      ({ text, truncated } = await readCapped(res.body, options.maxBodyBytes));
      if (res.statusCode >= 400) result = { failure: failure('http_status', `${label}: HTTP ${res.statusCode} ${redactedExcerpt(text.trim(), 120, options.secrets ?? [])}`.trim()) };
      else if (id !== undefined) result = interpretReply(contentType, text, id);
    }
    entry.durationMs = options.now() - start;
    entry.response = { status: res.statusCode, headers, body: text, truncated };
    return { status: res.statusCode, headers, ...(result.message ? { message: result.message } : {}), failure: result.failure ?? null, entry };
  } catch (error) {
    const classified = classifyError(error, options.signal);
    entry.durationMs = options.now() - start;
    entry.error = `${classified.failureClass}: ${classified.message}`;
    return { headers: {}, failure: { ...classified, message: `${label}: ${classified.message}` }, entry };
  }
}

/** Sends the session DELETE the spec asks clients for (perf-anchors.md target 5); its outcome is recorded, not judged. */
export async function deleteSession(options: RpcOptions): Promise<{ status?: number; entry: TranscriptEntry }> {
  const start = options.now();
  const entry: TranscriptEntry = { label: 'DELETE session', atMs: start - options.t0, durationMs: 0, request: { method: 'DELETE', url: options.url, headers: options.headers } };
  try {
    const res = await request(options.url, { method: 'DELETE', headers: options.headers, dispatcher: options.dispatcher, signal: options.signal });
    const { text, truncated } = await readCapped(res.body, 4096);
    entry.durationMs = options.now() - start;
    entry.response = { status: res.statusCode, headers: flattenHeaders(res.headers), body: text, truncated };
    return { status: res.statusCode, entry };
  } catch (error) {
    entry.durationMs = options.now() - start;
    entry.error = String((error as Error).message ?? error);
    return { entry };
  }
}
