/**
 * LiteLLM's MCP endpoint: key check, server scope from path and `x-mcp-servers`, then the
 * official SDK's stateless Streamable HTTP transport (fresh per request, SSE responses) so that
 * its 400/405/406/415 answers are the SDK's own.
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { FaultState } from './faults.ts';
import type { KeyRing } from './key-ring.ts';
import { requestKey } from './litellm.ts';
import { createAggregatorServer } from './mcp-aggregator.ts';
import { deniedInitialize, isInitializeRequest, readBoundedBody } from './denied-scope.ts';
import { parseServerNames, resolveMcpScope, type McpRoute } from './mcp-paths.ts';
import { uvicornJson, writeReply } from './reply.ts';
import { relayResponse } from './sse-relay.ts';
import type { UpstreamPool } from './upstream-pool.ts';

/** What the MCP endpoint needs from the gateway. */
export interface McpContext {
  pool: UpstreamPool;
  keyRing: KeyRing;
  faults: FaultState;
  pingIntervalMs: number;
  pageSize: number;
}

const headerValue = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
};

/** Node request → web Request for the SDK; stale `mcp-session-id` headers are dropped as LiteLLM does (#20992). */
function toWebRequest(req: IncomingMessage, url: URL, buffered?: Buffer): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined && name !== 'mcp-session-id') headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const hasBody = req.method === 'POST';
  return new Request(url, {
    method: req.method ?? 'GET',
    headers,
    body: hasBody ? (buffered ?? (Readable.toWeb(req) as ReadableStream<Uint8Array>)) : undefined,
    duplex: 'half',
  } as RequestInit);
}

/** Answers one request on an MCP path. */
export async function handleMcpRequest(req: IncomingMessage, res: ServerResponse, route: McpRoute, url: URL, ctx: McpContext): Promise<void> {
  const isHead = req.method === 'HEAD';
  const key = requestKey(req.headers);
  if (key === undefined || key === '') {
    writeReply(res, uvicornJson(401, { detail: 'Authentication Error, Malformed API Key passed in. Ensure Key has `Bearer ` prefix.' }), isHead);
    return;
  }
  // The documented body also echoes the key and its hash; the stand-in never echoes a key.
  if (!ctx.keyRing.isValid(key)) {
    writeReply(res, uvicornJson(401, { detail: 'Authentication Error, Invalid proxy server token passed.' }), isHead);
    return;
  }
  const scope = resolveMcpScope(route, ctx.pool.names, headerValue(req.headers, 'x-mcp-servers'));
  if ('unknownName' in scope) {
    writeReply(res, uvicornJson(404, { detail: `MCP server, toolset, or access group '${scope.unknownName}' not found` }), isHead);
    return;
  }
  if (req.method === 'DELETE' && req.headers['mcp-session-id'] !== undefined) {
    writeReply(res, uvicornJson(200, { message: 'Session terminated successfully' }));
    return;
  }
  // A scope naming no allowed server: LiteLLM refuses `initialize` itself, so the body is read to see the method.
  let buffered: Buffer | undefined;
  if (scope.denied !== undefined && req.method === 'POST') {
    buffered = await readBoundedBody(req);
    if (buffered === undefined) return writeReply(res, uvicornJson(413, { detail: 'Request body too large' }));
    if (isInitializeRequest(buffered)) return writeReply(res, deniedInitialize(scope.denied));
  }
  const requested = parseServerNames(headerValue(req.headers, 'x-mcp-servers') ?? '');
  // LiteLLM resolves a bare tool name against the one server a request is scoped to, and refuses another server's tool.
  const singleServer = (requested.length > 0 ? requested : route.names).length === 1 && scope.servers.length === 1 ? scope.servers[0] : undefined;
  const server = createAggregatorServer({ servers: scope.servers, denied: scope.denied, singleServer, pool: ctx.pool, pageSize: ctx.pageSize });
  // keepAliveMs 0 turns off the SDK's `: keepalive` comments; the relay sends LiteLLM's pings instead.
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: false, keepAliveMs: 0 });
  await server.connect(transport);
  res.on('close', () => {
    void server.close();
  });
  let request: Request;
  try {
    request = toWebRequest(req, url, buffered);
  } catch {
    // Methods fetch refuses to model (TRACE, CONNECT) get the SDK's own 405 for unsupported methods.
    request = new Request(url, { method: 'PATCH' });
  }
  const response = await transport.handleRequest(request);
  await relayResponse(response, res, isHead, {
    pingIntervalMs: ctx.pingIntervalMs,
    isCutStreams: () => ctx.faults.cutStreams,
  });
}
