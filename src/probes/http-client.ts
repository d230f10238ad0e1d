import { request, type Dispatcher } from 'undici';
import { classifyError } from './classify.ts';
import type { ProbeFailure, ResponseObservation, TranscriptEntry } from '../schemas/observation.ts';

/** One request as a probe sends it. */
export interface ProbeRequest {
  label: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** The outcome of one request: a response or a classified failure, and the transcript entry either way. */
export interface ProbeExchange {
  response: ResponseObservation | null;
  failure: ProbeFailure | null;
  entry: TranscriptEntry;
}

export interface SendOptions {
  dispatcher: Dispatcher;
  signal: AbortSignal;
  maxBodyBytes: number;
  now: () => number;
  /** Time origin for `atMs` in the transcript. */
  t0: number;
}

/** Flattens undici's header object (arrays for repeated headers) into one string per name. */
export function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** Reads a body up to `cap` bytes, then stops reading (and drops the connection) instead of buffering more. */
export async function readCapped(body: AsyncIterable<Buffer>, cap: number): Promise<{ text: string; bytes: number; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  let truncated = false;
  for await (const chunk of body) {
    const room = cap - bytes;
    if (chunk.length > room) {
      if (room > 0) chunks.push(chunk.subarray(0, room));
      bytes += Math.max(room, 0);
      truncated = true;
      break;
    }
    chunks.push(chunk);
    bytes += chunk.length;
  }
  return { text: Buffer.concat(chunks).toString('utf8'), bytes, truncated };
}

/** Sends one request under the probe's deadline and reads the (capped) body; never throws for network errors. */
export async function sendRequest(req: ProbeRequest, options: SendOptions): Promise<ProbeExchange> {
  const start = options.now();
  const entry: TranscriptEntry = {
    label: req.label,
    atMs: start - options.t0,
    durationMs: 0,
    request: { method: req.method, url: req.url, headers: req.headers, ...(req.body !== undefined ? { body: req.body } : {}) },
  };
  try {
    const res = await request(req.url, {
      method: req.method as Dispatcher.HttpMethod,
      headers: req.headers,
      body: req.body,
      dispatcher: options.dispatcher,
      signal: options.signal,
    });
    const { text, bytes, truncated } = await readCapped(res.body, options.maxBodyBytes);
    const headers = flattenHeaders(res.headers);
    const latencyMs = options.now() - start;
    entry.durationMs = latencyMs;
    entry.response = { status: res.statusCode, headers, body: text, truncated };
    return { response: { status: res.statusCode, headers, body: text, bytes, truncated, latencyMs }, failure: null, entry };
  } catch (error) {
    const failure = classifyError(error, options.signal);
    entry.durationMs = options.now() - start;
    entry.error = `${failure.failureClass}: ${failure.message}`;
    return { response: null, failure, entry };
  }
}
