import { readSseBody } from './sse-body.ts';

/** A JSON-RPC response as a captured body holds it. */
export interface RpcReply {
  result?: Record<string, unknown>;
  error?: { code?: unknown; message?: unknown };
  /** 1-based line (in the lines given) the reply starts on. */
  line: number;
}

const isReply = (value: unknown): value is { result?: unknown; error?: unknown } =>
  Boolean(value) && typeof value === 'object' && ('result' in (value as object) || 'error' in (value as object));

function pick(value: unknown): { result?: Record<string, unknown>; error?: RpcReply['error'] } | undefined {
  const reply = (Array.isArray(value) ? value : [value]).find(isReply);
  if (!reply) return undefined;
  return {
    ...(reply.result && typeof reply.result === 'object' ? { result: reply.result as Record<string, unknown> } : {}),
    ...(reply.error && typeof reply.error === 'object' ? { error: reply.error as RpcReply['error'] } : {}),
  };
}

/**
 * The JSON-RPC reply in a response body, framed the way its content type says: one JSON document
 * (`application/json`, the SDK's JSON-response mode) or SSE `message` events (`text/event-stream`). Undefined when
 * the body holds none (an HTML error page, a cut stream).
 */
export function readRpcReply(contentType: string, lines: readonly string[], firstLine: number): RpcReply | undefined {
  if (/text\/event-stream/i.test(contentType)) {
    for (const { item, line } of readSseBody(lines).items) {
      if (item.type !== 'event') continue;
      try {
        const reply = pick(JSON.parse(item.data));
        if (reply) return { ...reply, line: firstLine + line - 1 };
      } catch (error) {
        // A cut frame is not a reply; the caller reports a body without one.
        if (!(error instanceof SyntaxError)) throw error;
      }
    }
    return undefined;
  }
  const text = lines.join('\n').trim();
  if (!text.startsWith('{') && !text.startsWith('[')) return undefined;
  try {
    const reply = pick(JSON.parse(text));
    return reply ? { ...reply, line: firstLine + lines.findIndex((l) => l.trim() !== '') } : undefined;
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return undefined;
  }
}
