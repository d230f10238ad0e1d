/**
 * A request whose path or `x-mcp-servers` names no server it may use (a JSON-array header, to LiteLLM 1.108.4, names
 * none: it reads a comma list). Checked against the real proxy (issue 26): `initialize` is refused before the MCP
 * layer with HTTP 403, while other methods reach it and are refused there (see mcp-aggregator.ts).
 */
import type { IncomingMessage } from 'node:http';
import { uvicornJson, type Reply } from './reply.ts';

/** The MCP SDK's own cap on a message; a body past it is refused rather than read on. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** LiteLLM's words for a scope that names no allowed server. */
export const deniedMessage = (denied: string): string => `The key is not allowed to access the requested MCP servers: ${denied}`;

/** What LiteLLM answers an `initialize` with such a scope. */
export const deniedInitialize = (denied: string): Reply => uvicornJson(403, { detail: { error: deniedMessage(denied) } });

/** Reads a request body up to the cap; undefined when it is larger. */
export async function readBoundedBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Whether a JSON-RPC body (one message or a batch) carries an `initialize` request; anything unparsable is not one. */
export function isInitializeRequest(body: Buffer): boolean {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    // Not JSON: the SDK answers that with its own parse error.
    return false;
  }
  return (Array.isArray(value) ? value : [value]).some((message) => (message as { method?: unknown } | null)?.method === 'initialize');
}
