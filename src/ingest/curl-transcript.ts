import type { ConditionResult, Measured } from '../schemas/evidence.ts';
import { parseCurlError } from './curl-errors.ts';
import { unparseable, type Finding, type ParseOutcome } from './finding.ts';
import { parseHttpHead, type HttpHead } from './http-head.ts';
import { splitLines } from './lines.ts';
import { findCatalog, pingIntervals, readSseBody } from './sse-body.ts';
import { readServerOutcomes, summariseTools } from './tools.ts';

const MAX_CURL_LINE = 4 * 1024 * 1024;

/** A `curl -v` transcript reduced to what `curl -i` would have printed, plus the request line. */
function unverbose(lines: string[]): { lines: string[]; request?: string; offsets: number[] } {
  const out: string[] = [];
  const offsets: number[] = [];
  let request: string | undefined;
  lines.forEach((line, i) => {
    if (line.startsWith('> ')) {
      request ??= /^> ([A-Z]+ \S+) HTTP/.exec(line)?.[1];
      return;
    }
    if (line.startsWith('< ') || line === '<') {
      out.push(line.slice(2));
      offsets.push(i);
      return;
    }
    if (/^[*{}]( |$)|^>$/.test(line)) return; // connection notes and `{ [570 bytes data]`
    out.push(line);
    offsets.push(i);
  });
  return { lines: out, request, offsets };
}

/** Which check a transcript most likely speaks for, from its request path and body. */
function guessCheck(request: string | undefined, catalog: boolean, pings: number): string | undefined {
  if (catalog) return 'mcp.tools-list';
  if (pings > 0) return 'sse.heartbeat';
  const path = request?.split(' ')[1] ?? '';
  if (path.startsWith('/health/liveliness') || path.startsWith('/health/liveness')) return 'health.liveliness';
  if (path.startsWith('/health/readiness')) return 'health.readiness';
  if (path.startsWith('/schedule/model_cost_map_reload/status')) return 'routing.status-route';
  return undefined;
}

function judgeBody(head: HttpHead, body: string[], firstBodyLine: number): { measured: Measured; conditions: ConditionResult[]; catalog: boolean; pings: number; rpcError?: string } {
  const conditions: ConditionResult[] = [{ condition: 'status < 400', ok: head.status < 400, actual: String(head.status) }];
  const measured: Measured = { status: head.status, contentType: head.headers['content-type'], bytes: Buffer.byteLength(body.join('\n')) };
  if (!/text\/event-stream/.test(head.headers['content-type'] ?? '')) {
    const text = body.join('\n').trim();
    const rpcError = /"jsonrpc"\s*:\s*"2\.0"[\s\S]*"error"\s*:\s*\{[\s\S]*?"message"\s*:\s*"([^"]*)"/.exec(text)?.[1];
    return { measured, conditions, catalog: false, pings: 0, rpcError };
  }
  const sse = readSseBody(body.map((l) => l), 0);
  const catalog = findCatalog(sse.events);
  Object.assign(measured, {
    pingCount: sse.pings.length,
    pingIntervalsMs: pingIntervals(sse.pings.map((p) => ({ ...p, line: p.line + firstBodyLine }))),
    eventCount: sse.events.length,
    catalogSeen: catalog !== undefined,
    ...(catalog ? summariseTools(catalog.result.tools) : {}),
  });
  const outcomes = catalog ? readServerOutcomes(catalog.result) : undefined;
  if (outcomes) measured.serverOutcomes = outcomes;
  const rpcError = sse.events.map((e) => /"error"\s*:\s*\{[^}]*"message"\s*:\s*"([^"]*)"/.exec(e.data)?.[1]).find(Boolean);
  return { measured, conditions, catalog: catalog !== undefined, pings: sse.pings.length, rpcError };
}

/**
 * Parses a `curl -i` or `curl -v` transcript: status, headers, body (SSE bodies are framed: pings,
 * events, tool catalog), or curl's own `curl: (N)` error.
 */
export function parseCurlTranscript(text: string): ParseOutcome {
  const split = splitLines(text, MAX_CURL_LINE);
  if ('unparseable' in split) return split;
  const verbose = split.lines.some((l) => l.startsWith('< HTTP/') || l.startsWith('* '));
  const { lines, request, offsets } = verbose ? unverbose(split.lines) : { lines: split.lines, request: undefined, offsets: split.lines.map((_, i) => i) };
  const curlError = split.lines.map(parseCurlError).find((e) => e !== undefined);
  const head = parseHttpHead(lines);
  if (!head) {
    if (!curlError) return unparseable('no HTTP status line (`HTTP/1.1 200 OK`) and no `curl: (N)` error found; capture with `curl -i` or `curl -v`', 1);
    const line = split.lines.findIndex((l) => parseCurlError(l)) + 1;
    const finding: Finding = {
      verdict: 'fail',
      failureClass: curlError.failureClass,
      summary: `curl: (${curlError.code}) ${curlError.message}`,
      line,
      conditions: [{ condition: 'response received', ok: false, actual: `curl exit ${curlError.code}` }],
      measured: { extra: { curlExit: curlError.code, ...(request ? { request } : {}) } },
    };
    return { findings: [finding] };
  }
  const bodyLines = lines.slice(head.bodyIndex).filter((l) => !parseCurlError(l));
  const judged = judgeBody(head, bodyLines, offsets[head.bodyIndex] ?? 0);
  if (judged.rpcError) judged.conditions.push({ condition: 'no JSON-RPC error', ok: false, actual: judged.rpcError });
  const ok = judged.conditions.every((c) => c.ok);
  const checkId = guessCheck(request, judged.catalog, judged.pings);
  const tools = judged.measured.tools?.length;
  return {
    findings: [
      {
        verdict: ok ? 'pass' : 'fail',
        failureClass: ok ? null : head.status >= 400 ? 'http_status' : 'protocol',
        summary: `${request ? `${request} → ` : ''}HTTP ${head.status}${head.reason ? ` ${head.reason}` : ''}${tools !== undefined ? `, ${tools} tools` : ''}${judged.pings ? `, ${judged.pings} pings` : ''}${judged.rpcError ? `, JSON-RPC error: ${judged.rpcError}` : ''}`,
        line: (offsets[head.startIndex] ?? 0) + 1,
        conditions: judged.conditions,
        measured: { ...judged.measured, extra: { ...(request ? { request } : {}), ...(curlError ? { curlExit: curlError.code } : {}) } },
        ...(checkId ? { likelyCheck: checkId } : {}),
      },
    ],
  };
}
