import { createParser } from 'eventsource-parser';
import type { SseItem } from '../schemas/observation.ts';

/** What an SSE body held, framed by eventsource-parser, with the line each item came from (1-based). */
export interface SseBody {
  /** Comments and events in order, as the probe records them (a capture has no arrival times). */
  items: { item: SseItem; line: number }[];
  /** Line of a frame the capture ends in the middle of (no blank line after it). */
  truncatedAtLine?: number;
  /** Line numbers of lines that are not SSE fields (garbage inside the body). */
  strayLines: number[];
}

const sseField = /^(?::|event:|data:|id:|retry:|event$|data$)/;

/** Frames `lines[from..]` as an SSE body (CRLF already stripped), keeping line numbers. */
export function readSseBody(lines: readonly string[], from = 0): SseBody {
  const body: SseBody = { items: [], strayLines: [] };
  let currentLine = 0;
  let frameStart: number | undefined;
  const parser = createParser({
    onComment: (comment) => body.items.push({ item: { type: 'comment', text: comment }, line: currentLine }),
    onEvent: (message) => body.items.push({ item: { type: 'event', ...(message.event ? { event: message.event } : {}), data: message.data }, line: frameStart ?? currentLine }),
  });
  for (let i = from; i < lines.length; i++) {
    currentLine = i + 1;
    const line = lines[i]!;
    if (line === '') frameStart = undefined;
    else if (!line.startsWith(':')) frameStart ??= currentLine;
    if (line !== '' && !sseField.test(line)) body.strayLines.push(currentLine);
    parser.feed(`${line}\n`);
  }
  if (frameStart !== undefined) body.truncatedAtLine = frameStart;
  return body;
}
