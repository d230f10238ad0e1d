import type { ServerResponse } from 'node:http';

/** A complete, non-streaming HTTP answer; layers build these as data and one function writes them. */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string | Uint8Array;
}

/** Every response that LiteLLM (behind uvicorn) produces carries this header. */
export const UVICORN_HEADERS = { server: 'uvicorn' } as const;

/** A FastAPI/Starlette JSONResponse: compact JSON, `application/json`, `server: uvicorn`. */
export function uvicornJson(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return {
    status,
    headers: { ...UVICORN_HEADERS, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(value),
  };
}

/** A uvicorn response with an explicit content type (HTML pages, static assets, redirects). */
export function uvicornRaw(status: number, contentType: string | null, body: string | Uint8Array, headers: Record<string, string> = {}): Reply {
  const typed: Record<string, string> = contentType === null ? {} : { 'content-type': contentType };
  return { status, headers: { ...UVICORN_HEADERS, ...typed, ...headers }, body };
}

/** Writes a Reply; HEAD requests get the headers only. */
export function writeReply(res: ServerResponse, reply: Reply, isHead = false): void {
  const body = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : reply.body;
  res.writeHead(reply.status, { ...reply.headers, 'content-length': String(body.byteLength) });
  res.end(isHead ? undefined : body);
}
