import { createParser } from 'eventsource-parser';
import { request } from 'undici';
import type { SseCaptureCheck } from '../schemas/check.ts';
import { classifyError, failure } from './classify.ts';
import { authHeaders, joinUrl, scopeHeaders, type ProbeContext } from './context.ts';
import { flattenHeaders, readCapped } from './http-client.ts';
import { MAX_SSE_EVENT_CHARS, MAX_SSE_LINE_CHARS, sseLimiter } from './jsonrpc.ts';
import type { SseObservation, TranscriptEntry } from '../schemas/observation.ts';
import { resolveSseCheck } from '../checks/sse.ts';

/**
 * `kind: sse-capture`: GET with `Accept: text/event-stream`. "Stream open" is decided at the headers; then the
 * stream is read until the window ends, `maxBytes` or `maxEvents` is reached, or the server closes it — never longer
 * (perf-anchors.md target 7).
 */
export async function probeSseCapture(raw: SseCaptureCheck, ctx: ProbeContext): Promise<SseObservation> {
  const check = resolveSseCheck(raw, ctx.environmentId);
  const t0 = ctx.now();
  const url = joinUrl(ctx.baseUrl, check.path);
  const headers = { accept: 'text/event-stream', ...authHeaders(ctx, check.auth), ...scopeHeaders(check.servers ?? ctx.environment.servers) };
  const entry: TranscriptEntry = { label: `GET ${check.path} (event stream)`, atMs: 0, durationMs: 0, request: { method: 'GET', url, headers } };
  const obs: SseObservation = {
    kind: 'sse-capture', failure: null, latencyMs: 0, transcript: [entry], streamOpen: false, items: [], bytes: 0, stopped: 'error', windowMs: check.window,
  };
  const windowEnd = new AbortController();
  const signal = AbortSignal.any([ctx.signal, windowEnd.signal]);
  let timer: NodeJS.Timeout | undefined;
  let text = '';
  try {
    const res = await request(url, { method: 'GET', headers, dispatcher: ctx.dispatcher, signal });
    obs.headersMs = ctx.now() - t0;
    obs.status = res.statusCode;
    obs.contentType = flattenHeaders(res.headers)['content-type'] ?? '';
    entry.response = { status: res.statusCode, headers: flattenHeaders(res.headers), body: '', truncated: false };
    obs.streamOpen = res.statusCode === 200 && obs.contentType.toLowerCase().startsWith('text/event-stream');
    if (!obs.streamOpen) {
      const body = await readCapped(res.body, 4096);
      entry.response.body = body.text;
      obs.stopped = 'not-a-stream';
      obs.failure = res.statusCode >= 400 ? failure('http_status', `HTTP ${res.statusCode}`) : failure('protocol', `expected text/event-stream, got ${res.statusCode} "${obs.contentType}"`);
      return obs;
    }
    timer = setTimeout(() => windowEnd.abort(new Error('capture window ended')), Math.max(0, check.window - obs.headersMs));
    text = await readStream(res.body, obs, check, ctx, t0);
  } catch (error) {
    if (windowEnd.signal.aborted && !ctx.signal.aborted) obs.stopped = 'window';
    else {
      obs.stopped = 'error';
      const classified = classifyError(error, ctx.signal);
      // The stream was open and then broke: whatever the socket says, the capture is truncated.
      obs.failure = obs.streamOpen && classified.failureClass !== 'timeout' ? { ...classified, failureClass: 'protocol' } : classified;
      entry.error = `${obs.failure.failureClass}: ${obs.failure.message}`;
    }
  } finally {
    clearTimeout(timer);
    obs.latencyMs = ctx.now() - t0;
    entry.durationMs = obs.latencyMs;
    if (entry.response && obs.streamOpen) entry.response.body = text;
  }
  return obs;
}

/** Reads the open stream into `obs.items` until a bound is hit; returns the text read (for the transcript). */
async function readStream(body: AsyncIterable<Buffer> & { destroy(): void }, obs: SseObservation, check: SseCaptureCheck, ctx: ProbeContext, t0: number): Promise<string> {
  let text = '';
  let tail = '';
  const at = () => Math.round((ctx.now() - t0) * 10) / 10;
  // Bounded per line and per event as well as in total (issue 25 item 4): the parser buffers an open line whole.
  const overLimit = sseLimiter({ line: MAX_SSE_LINE_CHARS, event: MAX_SSE_EVENT_CHARS });
  const parser = createParser({
    onComment: (comment) => obs.items.push({ type: 'comment', atMs: at(), text: comment }),
    onEvent: (event) => obs.items.push({ type: 'event', atMs: at(), ...(event.event ? { event: event.event } : {}), data: event.data }),
  });
  for await (const chunk of body) {
    obs.bytes += chunk.length;
    const piece = chunk.toString('utf8');
    text += piece;
    tail = (tail + piece).slice(-4);
    const over = overLimit(piece);
    if (over) {
      obs.stopped = 'bytes';
      obs.failure = failure('protocol', `${over} in the event stream; the probe stops reading at that limit`);
      body.destroy();
      return text;
    }
    parser.feed(piece);
    if (obs.bytes >= check.maxBytes) obs.stopped = 'bytes';
    else if (obs.items.length >= check.maxEvents) obs.stopped = 'events';
    else continue;
    body.destroy();
    return text;
  }
  obs.stopped = 'closed';
  if (tail && !/(\r\n\r\n|\n\n|\r\r)$/.test(tail)) obs.failure = failure('protocol', 'the stream was cut mid-event (truncated)');
  return text;
}
