/**
 * Writes the SDK transport's web `Response` onto the Node socket the way LiteLLM's sse-starlette
 * would: CRLF frames, `: ping - <timestamp>` comments every interval, `server: uvicorn`; and, under
 * the cut-stream fault, the first message truncated mid-line before the connection drops.
 */
import type { ServerResponse } from 'node:http';
import { createParser } from 'eventsource-parser';
import { UVICORN_HEADERS, writeReply } from './reply.ts';
import { canonicalJsonRpc, formatCutMessageFrame, formatMessageFrame, formatPingFrame } from './sse.ts';

/** How SSE responses are written. */
export interface RelayOptions {
  pingIntervalMs: number;
  /** Read per message, so the fault can be flipped while a stream is open. */
  isCutStreams: () => boolean;
  now?: () => Date;
}

function headersOf(response: Response): Record<string, string> {
  return { ...UVICORN_HEADERS, ...Object.fromEntries(response.headers.entries()) };
}

/** Relays a complete response; SSE bodies are streamed, others buffered. */
export async function relayResponse(response: Response, res: ServerResponse, isHead: boolean, options: RelayOptions): Promise<void> {
  const isSse = response.headers.get('content-type')?.startsWith('text/event-stream') === true;
  if (!isSse || response.body === null) {
    const body = new Uint8Array(await response.arrayBuffer());
    writeReply(res, { status: response.status, headers: headersOf(response), body }, isHead);
    return;
  }
  await relaySse(response.body, response.status, headersOf(response), res, options);
}

async function relaySse(
  body: ReadableStream<Uint8Array>,
  status: number,
  headers: Record<string, string>,
  res: ServerResponse,
  options: RelayOptions,
): Promise<void> {
  const now = options.now ?? (() => new Date());
  const reader = body.getReader();
  let isCut = false;
  res.writeHead(status, headers);
  res.flushHeaders();
  const ping = setInterval(() => res.write(formatPingFrame(now())), options.pingIntervalMs);
  res.on('close', () => {
    clearInterval(ping);
    reader.cancel().catch(() => undefined);
  });
  const parser = createParser({
    onEvent: (event) => {
      if (isCut) return;
      const data = canonicalJsonRpc(event.data);
      if (!options.isCutStreams()) {
        res.write(formatMessageFrame(data));
        return;
      }
      isCut = true;
      clearInterval(ping);
      res.write(formatCutMessageFrame(data), () => res.destroy());
    },
  });
  const decoder = new TextDecoder();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || isCut) break;
      parser.feed(decoder.decode(value, { stream: true }));
    }
  } finally {
    clearInterval(ping);
    if (!isCut && !res.destroyed) res.end();
  }
}
