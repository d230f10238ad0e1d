import type { IncomingHttpHeaders } from 'node:http';
import { sseFrame, startHttp, type TestServer } from './helpers.ts';

/** How the fake MCP endpoint misbehaves, if at all. */
export type FakeMode = 'ok-sse' | 'ok-json' | 'stall-mid-stream' | 'cut-stream' | 'invalid-jsonrpc' | 'not-json' | 'server-error' | 'rpc-error';

export interface FakeMcp extends TestServer {
  requests: Array<{ method: string; url: string; headers: IncomingHttpHeaders; body: string }>;
}

const TOOLS = ['mcp_postgres-query', 'mcp_filesystem-read_file', 'mcp_filesystem-list_directory', 'mcp_filesystem-write_file', 'other-tool'];

/**
 * A small Streamable HTTP MCP endpoint: session ids, two-tool pages with `nextCursor`, JSON or SSE framing, and
 * the faults the probe must classify. Only `tools/list` misbehaves, so initialize works and the fault is mid-exchange.
 */
export function startFakeMcp(mode: FakeMode): Promise<FakeMcp> {
  const requests: FakeMcp['requests'] = [];
  const server = startHttp((req, res, body) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
    if (req.method === 'DELETE') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"message":"Session terminated successfully"}');
    const message = JSON.parse(body || '{}') as { id?: number; method?: string; params?: { cursor?: string } };
    if (message.id === undefined) return void res.writeHead(202).end();
    const reply = (result: unknown) => {
      const payload = { jsonrpc: '2.0', id: message.id, result };
      if (mode === 'ok-json') res.writeHead(200, { 'content-type': 'application/json', 'mcp-session-id': 'sess-1' }).end(JSON.stringify(payload));
      else res.writeHead(200, { 'content-type': 'text/event-stream', 'mcp-session-id': 'sess-1' }).end(`id: prime\r\ndata: \r\n\r\n${sseFrame(payload)}`);
    };
    if (message.method === 'initialize') return reply({ protocolVersion: '2025-06-18', capabilities: { tools: {} }, serverInfo: { name: 'fake-mcp', version: '0.1' } });
    const sse = { 'content-type': 'text/event-stream' };
    switch (mode) {
      case 'server-error':
        return void res.writeHead(502, { 'content-type': 'text/plain' }).end('Bad Gateway');
      case 'stall-mid-stream':
        return void res.writeHead(200, sse).write('event: message\r\ndata: {"jsonrpc":"2.0","id":');
      case 'cut-stream':
        res.writeHead(200, sse).write('event: message\r\ndata: {"jsonrpc":"2.0","id":2,"res');
        return void setTimeout(() => res.socket?.destroy(), 20);
      case 'invalid-jsonrpc':
        return void res.writeHead(200, sse).end(sseFrame({ id: message.id, tools: [] }));
      case 'not-json':
        return void res.writeHead(200, sse).end(sseFrame('this is not json'));
      case 'rpc-error':
        return void res.writeHead(200, sse).end(sseFrame({ jsonrpc: '2.0', id: message.id, error: { code: -32601, message: 'Method not found' } }));
      default: {
        const start = Number(message.params?.cursor ?? 0);
        const page = TOOLS.slice(start, start + 2).map((name) => ({ name, inputSchema: { type: 'object' } }));
        const next = start + 2 < TOOLS.length ? { nextCursor: String(start + 2) } : {};
        return reply({ _meta: { 'litellm.ai/server_outcomes': { mcp_postgres: { status: 'ok', tool_count: 1 }, mcp_filesystem: { status: 'ok', tool_count: 3 } } }, tools: page, ...next });
      }
    }
  });
  return server.then((s) => ({ ...s, requests }));
}
