import type { ProbeFailure, SseObservation } from '../schemas/observation.ts';
import type { CapturedText } from './captured-text.ts';
import { curlMaxTimeMs, curlRequest } from './command-line.ts';
import { curlErrorOfExit, findCurlError, parseCurlError, timedOutAfterMs, type CurlError } from './curl-errors.ts';
import { parseHttpHead, type HttpHead } from './http-head.ts';
import { splitLines } from './lines.ts';
import { observationCore, unparseable, type ParseOutcome, type Reading } from './reading.ts';
import { readSseBody } from './sse-body.ts';

/** SSE data lines carry whole catalogs on one line, so they may be long, but not unbounded. */
const MAX_SSE_LINE = 4 * 1024 * 1024;

/** Reads sse-starlette's ping timestamp as ISO 8601 (naive times are UTC, as older versions wrote them). */
function pingTime(text: string): string | undefined {
  const match = /ping\s*-\s*(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})?\s*$/.exec(text);
  if (!match) return undefined;
  const zone = !match[4] || match[4] === 'Z' ? 'Z' : match[4];
  const iso = `${match[1]}T${match[2]}.${(match[3] ?? '').padEnd(3, '0').slice(0, 3)}${zone}`;
  return Number.isNaN(Date.parse(iso)) ? undefined : iso;
}

/** Why reading stopped and what failed, from how curl ended: its own time limit cutting an open stream is not a failure. */
function howItEnded(head: HttpHead | undefined, open: boolean, sawItems: boolean, curl: CurlError | undefined, exitCode: number | null | undefined): { stopped: SseObservation['stopped']; failure: ProbeFailure | null } {
  if (head && !open) {
    const failure = head.status >= 400 ? { failureClass: 'http_status' as const, message: `HTTP ${head.status}` } : { failureClass: 'protocol' as const, message: `expected text/event-stream, got ${head.status} "${head.headers['content-type'] ?? ''}"` };
    return { stopped: 'not-a-stream', failure };
  }
  if (!head && !sawItems && curl) return { stopped: 'error', failure: { failureClass: curl.failureClass, message: `curl: (${curl.code}) ${curl.message}` } };
  if (curl?.code === 28 || exitCode === null) return { stopped: 'window', failure: null };
  // The stream was open and then broke: whatever curl says, the capture is truncated (as the probe reads it).
  if (curl) return { stopped: 'error', failure: { failureClass: 'protocol', message: `curl: (${curl.code}) ${curl.message}` } };
  return { stopped: 'closed', failure: null };
}

/**
 * Reads a captured event stream (`curl -N`, optionally with `-i` headers) into the SseObservation the probe makes: its
 * comments and events (without arrival times), how the stream ended, and the window it was watched for (curl's
 * `Operation timed out after N milliseconds`, else `--max-time` in the command).
 */
export function parseSseCapture(capture: CapturedText): ParseOutcome {
  const split = splitLines(capture.stdout, MAX_SSE_LINE);
  if ('unparseable' in split) return split;
  const errSplit = splitLines(capture.stderr);
  const curlAt = findCurlError(capture.separate ? ('lines' in errSplit ? errSplit.lines : []) : split.lines);
  const curl = curlAt?.error ?? curlErrorOfExit(capture.exitCode);
  // curl's own error line is not part of the stream; blanked so line numbers stay true.
  const lines = capture.separate ? split.lines : split.lines.map((l) => (parseCurlError(l) ? '' : l));
  const head = parseHttpHead(lines);
  const body = readSseBody(lines, head ? head.bodyIndex : 0);
  if (!head && !curl && body.items.length === 0) {
    return unparseable('no SSE frames (`: ping` comments, `event:`/`data:` lines) or HTTP status line found', body.strayLines[0] ?? 1);
  }
  const open = head ? head.status === 200 && /^text\/event-stream/i.test(head.headers['content-type'] ?? '') : body.items.length > 0;
  const ended = howItEnded(head, open, body.items.length > 0, curl, capture.exitCode);
  const maxTime = capture.command ? curlMaxTimeMs(capture.command) : undefined;
  const windowMs = ended.stopped === 'window' ? (timedOutAfterMs(curl) ?? maxTime ?? capture.durationMs) : open ? maxTime : undefined;
  const observation: SseObservation = {
    kind: 'sse-capture',
    ...observationCore(capture.durationMs ?? windowMs),
    failure: ended.failure,
    ...(head ? { status: head.status, contentType: head.headers['content-type'] ?? '' } : {}),
    streamOpen: open,
    items: body.items.map(({ item }) => item),
    bytes: Buffer.byteLength(lines.slice(head ? head.bodyIndex : 0).join('\n')),
    stopped: ended.stopped,
    ...(windowMs !== undefined ? { windowMs } : {}),
  };
  const fromStderr = ended.failure !== null && !head && body.items.length === 0;
  const times = body.items.map(({ item }) => (item.type === 'comment' ? pingTime(item.text) : undefined)).filter((t) => t !== undefined);
  const reading: Reading = {
    observations: [observation],
    line: fromStderr ? curlAt?.line : (body.items[0]?.line ?? (head ? head.startIndex + 1 : 1)),
    ...(capture.separate ? { stream: fromStderr ? (curlAt ? 'stderr' : 'exitCode') : 'stdout' } : {}),
    ...(times.length ? { startedAt: times[0], finishedAt: times.at(-1) } : {}),
    ...(capture.command ? { holds: curlRequest(capture.command) } : {}),
    extra: {
      ...(body.truncatedAtLine ? { truncatedAtLine: body.truncatedAtLine } : {}),
      ...(curl ? { curlExit: curl.code } : {}),
      ...(body.strayLines.length ? { strayLines: body.strayLines.length } : {}),
    },
  };
  return { readings: [reading] };
}
