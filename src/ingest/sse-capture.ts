import type { ConditionResult, FailureClass } from '../schemas/evidence.ts';
import { parseCurlError } from './curl-errors.ts';
import { unparseable, type ParseOutcome } from './finding.ts';
import { parseHttpHead } from './http-head.ts';
import { splitLines } from './lines.ts';
import { findCatalog, pingIntervals, readSseBody } from './sse-body.ts';
import { summariseTools } from './tools.ts';

/** sse-starlette pings every 15 s; a gap over twice that means proxies may drop the idle stream. */
export const MAX_PING_GAP_MS = 30_000;
/** SSE data lines carry whole catalogs on one line, so they may be long, but not unbounded. */
const MAX_SSE_LINE = 4 * 1024 * 1024;

/**
 * Parses a captured event stream (`curl -N`, optionally with `-i` headers and curl's error line):
 * ping comments and their intervals, events, and whether a tool catalog arrived.
 */
export function parseSseCapture(text: string): ParseOutcome {
  const split = splitLines(text, MAX_SSE_LINE);
  if ('unparseable' in split) return split;
  const { lines } = split;
  const head = parseHttpHead(lines);
  const curlError = lines.map(parseCurlError).find((e) => e !== undefined);
  // curl's own error line is not part of the stream; blank it so line numbers stay true.
  const body = readSseBody(curlError ? lines.map((l) => (parseCurlError(l) ? '' : l)) : lines, head ? head.bodyIndex : 0);
  const stray = body.strayLines;
  if (!head && !curlError && body.pings.length === 0 && body.events.length === 0) {
    return unparseable('no SSE frames (`: ping` comments, `event:`/`data:` lines) or HTTP status line found', stray[0] ?? 1);
  }
  const intervals = pingIntervals(body.pings);
  const catalog = findCatalog(body.events);
  const conditions: ConditionResult[] = [];
  if (head) conditions.push({ condition: 'status == 200', ok: head.status === 200, actual: String(head.status) });
  conditions.push({ condition: 'pingCount >= 2', ok: body.pings.length >= 2, actual: String(body.pings.length) });
  const maxGap = intervals.length ? Math.max(...intervals) : undefined;
  if (maxGap !== undefined) conditions.push({ condition: `max ping interval <= ${MAX_PING_GAP_MS} ms`, ok: maxGap <= MAX_PING_GAP_MS, actual: `${maxGap} ms` });
  const failed = conditions.find((c) => !c.ok);
  const failureClass = failed ? classifyStreamFailure(head?.status, body.pings.length, curlError?.failureClass) : null;
  const timed = body.pings.filter((p) => p.at);
  const mean = intervals.length ? Math.round(intervals.reduce((a, b) => a + b, 0) / intervals.length) : undefined;
  const summary = [
    `${body.pings.length} ping comment${body.pings.length === 1 ? '' : 's'}`,
    mean !== undefined ? `every ~${Math.round(mean / 1000)} s` : undefined,
    `${body.events.length} event${body.events.length === 1 ? '' : 's'}`,
    catalog ? `tool catalog with ${catalog.result.tools.length} tools` : 'no tool catalog',
    body.truncatedAtLine ? `capture ends mid-frame at line ${body.truncatedAtLine}` : undefined,
    curlError ? `curl: (${curlError.code}) ${curlError.message}` : undefined,
  ].filter(Boolean).join(', ');
  return {
    findings: [
      {
        verdict: failed ? 'fail' : 'pass',
        failureClass,
        summary,
        line: body.pings[0]?.line ?? (head ? head.startIndex + 1 : 1),
        ...(timed.length ? { startedAt: timed[0].at, finishedAt: timed.at(-1)?.at } : {}),
        conditions,
        measured: {
          ...(head ? { status: head.status, contentType: head.headers['content-type'] } : {}),
          pingCount: body.pings.length,
          pingIntervalsMs: intervals,
          eventCount: body.events.length,
          catalogSeen: catalog !== undefined,
          bytes: Buffer.byteLength(text),
          ...(catalog ? summariseTools(catalog.result.tools) : {}),
          extra: {
            ...(body.truncatedAtLine ? { truncatedAtLine: body.truncatedAtLine } : {}),
            ...(curlError ? { curlExit: curlError.code } : {}),
            ...(stray.length ? { strayLines: stray.length } : {}),
          },
        },
      },
    ],
  };
}

/** Why a stream failed the heartbeat check: the HTTP status, else the transport error, else too few pings. */
function classifyStreamFailure(status: number | undefined, pings: number, curlClass: FailureClass | undefined): FailureClass {
  if (status !== undefined && status !== 200) return 'http_status';
  if (pings === 0 && curlClass) return curlClass;
  return 'expectation';
}
