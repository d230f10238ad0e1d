import type { HttpObservation, ProbeFailure, SseObservation } from '../schemas/observation.ts';
import type { CapturedText } from './captured-text.ts';
import { commandHeaders, curlRequest, scopeOf } from './command-line.ts';
import { curlErrorOfExit, findCurlError, parseCurlError } from './curl-errors.ts';
import { isVerbose, unverbose } from './curl-verbose.ts';
import { parseHttpHead, type HttpHead } from './http-head.ts';
import { readRpcReply } from './jsonrpc-body.ts';
import { splitLines } from './lines.ts';
import { mcpObservation, rpcMethodOfResult } from './mcp-reading.ts';
import { observationCore, unparseable, type ParseOutcome, type Reading } from './reading.ts';
import { parseSseCapture } from './sse-capture.ts';

const MAX_CURL_LINE = 4 * 1024 * 1024;
/** The probe caps a response body the same way (src/probes/context.ts); a capture keeps what it shows up to this. */
const MAX_BODY_CHARS = 1024 * 1024;

/** The response lines (head and body) and what the transcript shows of the request. */
function responseOf(capture: CapturedText, out: string[], err: string[]) {
  const fromCommand = capture.command ? curlRequest(capture.command) : {};
  const commandScope = capture.command ? scopeOf(commandHeaders(capture.command)) : undefined;
  // `curl -v` writes both heads to stderr (inline in a single saved file); the body stays on stdout.
  const verboseLines = capture.separate ? err : out;
  if (!isVerbose(verboseLines)) return { lines: capture.separate ? out : out.map((l) => (parseCurlError(l) ? '' : l)), offsets: out.map((_, i) => i), holds: { ...fromCommand, ...(commandScope ? { scope: commandScope } : {}) } };
  const v = unverbose(verboseLines);
  const lines = capture.separate ? [...v.lines, ...out] : v.lines.map((l) => (parseCurlError(l) ? '' : l));
  const offsets = capture.separate ? [...v.offsets, ...out.map((_, i) => i)] : v.offsets;
  const scope = commandScope ?? scopeOf(v.requestHeaders);
  return { lines, offsets, holds: { ...fromCommand, ...(v.request ?? {}), ...(scope ? { scope } : {}) } };
}

/** What an MCP client would call the answer: an HTTP error, a JSON-RPC error, no reply at all, or a result. */
function mcpAnswer(head: HttpHead, body: string[], firstLine: number, rpcMethod: string | undefined) {
  const contentType = head.headers['content-type'] ?? '';
  if (head.status >= 400) return { failure: { failureClass: 'http_status', message: `HTTP ${head.status} ${body.join(' ').slice(0, 120).trim()}`.trim() } satisfies ProbeFailure };
  const reply = readRpcReply(contentType, body, firstLine);
  if (reply?.error) return { reply, failure: { failureClass: 'protocol', message: `${rpcMethod ?? 'request'} returned JSON-RPC error ${String(reply.error.code)}: ${String(reply.error.message)}` } satisfies ProbeFailure };
  if (reply?.result) return { reply, failure: null };
  const why = /^(application\/json|text\/event-stream)/i.test(contentType) ? 'no JSON-RPC reply in the body' : `expected application/json or text/event-stream, got "${contentType || '(none)'}"`;
  return { failure: { failureClass: 'protocol', message: why } satisfies ProbeFailure };
}

/**
 * Reads a `curl -i` or `curl -v` transcript (or curl's own `curl: (N)` error) into the observations a probe makes of
 * the same exchange: the HTTP response, the MCP exchange it is part of (an initialize reply, or one tools/list page,
 * in JSON or SSE framing), and the event stream when it is one. The check's kind picks which is judged.
 */
export function parseCurlTranscript(capture: CapturedText): ParseOutcome {
  const split = splitLines(capture.stdout, MAX_CURL_LINE);
  if ('unparseable' in split) return split;
  const errSplit = splitLines(capture.stderr, MAX_CURL_LINE);
  const err = 'lines' in errSplit ? errSplit.lines : [];
  const { lines, offsets, holds } = responseOf(capture, split.lines, err);
  const curlAt = findCurlError(capture.separate ? err : split.lines);
  const curl = curlAt?.error ?? curlErrorOfExit(capture.exitCode);
  const head = parseHttpHead(lines);
  const latencyMs = capture.durationMs ?? 0;
  const extra = { ...(holds.method && holds.path ? { request: `${holds.method} ${holds.path}` } : {}), ...(curl ? { curlExit: curl.code } : {}) };
  if (!head) {
    if (!curl) return unparseable('no HTTP status line (`HTTP/1.1 200 OK`) and no `curl: (N)` error found; capture with `curl -i` or `curl -v`', 1);
    const failure: ProbeFailure = { failureClass: curl.failureClass, message: `curl: (${curl.code}) ${curl.message}` };
    const sse: SseObservation = { kind: 'sse-capture', ...observationCore(latencyMs), failure, streamOpen: false, items: [], bytes: 0, stopped: 'error' };
    const observations = [{ kind: 'http', ...observationCore(latencyMs), failure, response: null } satisfies HttpObservation, mcpObservation({ failure, latencyMs, rpcMethod: holds.rpcMethod, scope: holds.scope }), sse];
    return { readings: [{ observations, ...(curlAt ? { line: curlAt.line } : {}), ...(capture.separate ? { stream: curlAt ? 'stderr' : 'exitCode' } : {}), holds, extra }] };
  }
  const body = lines.slice(head.bodyIndex);
  const text = body.join('\n');
  const http: HttpObservation = {
    kind: 'http',
    ...observationCore(latencyMs),
    response: { status: head.status, headers: head.headers, body: text.slice(0, MAX_BODY_CHARS), bytes: Buffer.byteLength(text), truncated: text.length > MAX_BODY_CHARS, latencyMs },
  };
  const answer = mcpAnswer(head, body, head.bodyIndex + 1, holds.rpcMethod);
  const rpcMethod = holds.rpcMethod ?? rpcMethodOfResult(answer.reply?.result);
  const mcp = mcpObservation({ failure: answer.failure, latencyMs, status: head.status, ...(answer.reply?.result ? { result: answer.reply.result } : {}), ...(rpcMethod ? { rpcMethod } : {}), sessionId: 'mcp-session-id' in head.headers, ...(holds.scope ? { scope: holds.scope } : {}) });
  const stream = parseSseCapture(capture);
  const observations = [http, mcp, ...('readings' in stream ? stream.readings[0]!.observations : [])];
  const reading: Reading = {
    observations,
    line: (offsets[head.startIndex] ?? 0) + 1,
    ...(capture.separate ? { stream: 'stdout' } : {}),
    holds: { ...holds, ...(rpcMethod ? { rpcMethod } : {}) },
    extra,
  };
  return { readings: [reading] };
}
