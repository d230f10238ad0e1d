import { createParser } from 'eventsource-parser';

/** One keep-alive comment `: ping - <timestamp>`. */
export interface SsePing {
  line: number;
  /** ISO timestamp from the comment, when it carried one we could read. */
  at?: string;
}

/** One SSE event with the line its frame started on. */
export interface SseEvent {
  line: number;
  event: string;
  data: string;
}

/** What an SSE body held, framed by eventsource-parser. */
export interface SseBody {
  pings: SsePing[];
  events: SseEvent[];
  otherComments: number;
  /** Line of a frame the capture ends in the middle of (no blank line after it). */
  truncatedAtLine?: number;
  /** Line numbers of lines that are not SSE fields (garbage inside the body). */
  strayLines: number[];
}

const pingComment = /^\s*ping(?:\s*-\s*(.+))?$/;

/**
 * Reads sse-starlette's ping timestamp (`2025-09-18 07:50:18.123456+00:00`, or naive UTC without the
 * offset in older versions) as ISO 8601; undefined when it is not a timestamp.
 */
export function readPingTimestamp(raw: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})?$/.exec(raw.trim());
  if (!match) return undefined;
  const ms = (match[3] ?? '').padEnd(3, '0').slice(0, 3);
  const zone = !match[4] || match[4] === 'Z' ? 'Z' : match[4];
  const iso = `${match[1]}T${match[2]}.${ms}${zone}`;
  return Number.isNaN(Date.parse(iso)) ? undefined : iso;
}

const sseField = /^(?::|event:|data:|id:|retry:|event$|data$)/;

/** Frames `lines[from..]` as an SSE body (CRLF already stripped), keeping line numbers (1-based). */
export function readSseBody(lines: string[], from = 0): SseBody {
  const body: SseBody = { pings: [], events: [], otherComments: 0, strayLines: [] };
  let currentLine = 0;
  let frameStart: number | undefined;
  const parser = createParser({
    onComment: (comment) => {
      const match = pingComment.exec(comment);
      if (!match) {
        body.otherComments++;
        return;
      }
      const at = match[1] ? readPingTimestamp(match[1]) : undefined;
      body.pings.push(at ? { line: currentLine, at } : { line: currentLine });
    },
    onEvent: (message) => {
      body.events.push({ line: frameStart ?? currentLine, event: message.event ?? 'message', data: message.data });
    },
  });
  for (let i = from; i < lines.length; i++) {
    currentLine = i + 1;
    const line = lines[i];
    if (line === '') frameStart = undefined;
    else if (!line.startsWith(':')) frameStart ??= currentLine;
    if (line !== '' && !sseField.test(line)) body.strayLines.push(currentLine);
    parser.feed(`${line}\n`);
  }
  if (frameStart !== undefined) body.truncatedAtLine = frameStart;
  return body;
}

/** Gaps between consecutive ping timestamps, in ms. */
export function pingIntervals(pings: SsePing[]): number[] {
  const times = pings.map((p) => (p.at ? Date.parse(p.at) : Number.NaN)).filter((t) => !Number.isNaN(t));
  const gaps: number[] = [];
  for (let i = 1; i < times.length; i++) gaps.push(Math.max(0, times[i] - times[i - 1]));
  return gaps;
}

/** The JSON-RPC `result` of the first event carrying a tool catalog, if any. */
export function findCatalog(events: SseEvent[]): { result: { tools: unknown[] }; line: number } | undefined {
  for (const event of events) {
    if (!event.data.includes('"tools"')) continue;
    try {
      const message = JSON.parse(event.data) as { result?: { tools?: unknown } };
      if (Array.isArray(message.result?.tools)) return { result: message.result as { tools: unknown[] }, line: event.line };
    } catch (error) {
      // A cut frame is reported as truncation by the caller; it is not a catalog.
      if (!(error instanceof SyntaxError)) throw error;
    }
  }
  return undefined;
}
