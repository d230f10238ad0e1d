// Issue 25 item 4: every network read is bounded per line, per event and in total. Real loopback servers that
// stream forever: after an MCP reply an endless line (no newline) was buffered until the probe died of memory;
// fast pings after a reply kept the read going until the deadline.
import type { ServerResponse } from 'node:http';
import { afterEach, expect, test } from 'vitest';
import { mcpListTools } from '../../src/probes/mcp.ts';
import { MAX_SSE_LINE_CHARS } from '../../src/probes/jsonrpc.ts';
import { probeOne, sseFrame, startHttp, type TestServer } from '../probes/helpers.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Writes `piece` again and again, respecting back-pressure, until the client goes away. */
function streamForever(res: ServerResponse, piece: string | (() => string), pauseMs = 0): void {
  const next = () => (typeof piece === 'string' ? piece : piece());
  const pump = () => {
    while (!res.destroyed && !res.writableEnded) {
      if (!res.write(next())) return void res.once('drain', pump);
      if (pauseMs > 0) return void setTimeout(pump, pauseMs);
    }
  };
  res.on('error', () => undefined);
  pump();
}

type Tail = 'endless-line' | 'fast-pings' | 'endless-event';

/** An MCP endpoint whose tools/list answers with a good reply (or none) and then `tail` forever. */
async function startEndless(tail: Tail, withReply = true): Promise<TestServer> {
  return startHttp((req, res, body) => {
    if (req.method === 'DELETE') return void res.writeHead(200).end();
    const message = JSON.parse(body || '{}') as { id?: number; method?: string };
    if (message.id === undefined) return void res.writeHead(202).end();
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    if (message.method === 'initialize') {
      return void res.end(sseFrame({ jsonrpc: '2.0', id: message.id, result: { protocolVersion: '2025-06-18', capabilities: {}, serverInfo: { name: 'endless' } } }));
    }
    if (withReply) res.write(sseFrame({ jsonrpc: '2.0', id: message.id, result: { tools: [{ name: 'mcp_filesystem-read_file', inputSchema: {} }] } }));
    if (tail === 'endless-line') streamForever(res, 'x'.repeat(64 * 1024));
    else if (tail === 'endless-event') streamForever(res, `data: ${'y'.repeat(1000)}\n`);
    else streamForever(res, () => `: ping - ${new Date().toISOString()}\r\n\r\n`, 1);
  });
}

async function listTools(url: string) {
  const started = performance.now();
  const obs = await mcpListTools({ url: `${url}/mcp/`, headers: {}, signal: AbortSignal.timeout(8000), scopedServers: ['mcp_filesystem'], maxBodyBytes: 4 * 1024 * 1024 });
  return { obs, ms: performance.now() - started };
}

test('a reply followed by fast pings is a pass, read for a bounded grace, not until the deadline', async () => {
  server = await startEndless('fast-pings');
  const { obs, ms } = await listTools(server.url);
  expect(obs.failure).toBeNull();
  expect(obs.tools.map((t) => t.name)).toEqual(['mcp_filesystem-read_file']);
  expect(ms).toBeLessThan(3000);
});

test('an endless line after the reply is a protocol failure naming the line limit, not a memory blow-up', async () => {
  server = await startEndless('endless-line');
  const heapBefore = process.memoryUsage().heapUsed;
  const { obs, ms } = await listTools(server.url);
  expect(obs.failure).toEqual({ failureClass: 'protocol', message: `an SSE line longer than ${MAX_SSE_LINE_CHARS} characters after the response to request 2; the probe stops reading at that limit` });
  expect(ms).toBeLessThan(3000);
  expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
});

test('an endless line instead of a reply, and an endless event, are protocol failures naming their limit', async () => {
  server = await startEndless('endless-line', false);
  expect((await listTools(server.url)).obs.failure?.message).toBe(`an SSE line longer than ${MAX_SSE_LINE_CHARS} characters before a response to request 2; the probe stops reading at that limit`);
  await server.close();
  server = await startEndless('endless-event', false);
  const { obs } = await listTools(server.url);
  expect(obs.failure?.failureClass).toBe('protocol');
  expect(obs.failure?.message).toMatch(/^an SSE event longer than \d+ characters before a response to request 2/);
});

test('a body cap without a reply names the byte limit', async () => {
  server = await startEndless('endless-event', false);
  const obs = await mcpListTools({ url: `${server.url}/mcp/`, headers: {}, signal: AbortSignal.timeout(8000), maxBodyBytes: 100_000 });
  expect(obs.failure).toEqual({ failureClass: 'protocol', message: 'an SSE event longer than 100000 characters before a response to request 2; the probe stops reading at that limit' });
});

test('the sse-capture probe stops at an endless line with a protocol failure naming the limit', async () => {
  server = await startHttp((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write(': ping\n\n');
    streamForever(res, 'z'.repeat(64 * 1024));
  });
  const record = await probeOne(server.url, { id: 'sse.endless', title: 'endless', kind: 'sse-capture', path: '/sse', auth: 'none', window: '5s', maxBytes: 50 * 1024 * 1024 });
  expect(record.failureClass).toBe('protocol');
  expect(record.summary).toContain(`an SSE line longer than ${MAX_SSE_LINE_CHARS} characters in the event stream`);
  expect(Date.parse(record.finishedAt) - Date.parse(record.startedAt)).toBeLessThan(4000);
});
