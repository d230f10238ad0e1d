// A tiny loopback SSE server that keeps a GET stream open and sends only keep-alive comments the way LiteLLM's
// MCP endpoint does through sse-starlette: `: ping - <UTC datetime>` + CRLF CRLF every 15 s, never an event.
// No real LiteLLM runs here (it is not installed on this machine); this reproduces just that wire format
// (sse-starlette `DEFAULT_PING_INTERVAL = 15`, `ServerSentEvent(comment=f"ping - {datetime.now(timezone.utc)}")`).
// Run: node ping-sse-server.ts <port> [intervalMs]   (prints "listening <port>")
import { createServer } from 'node:http';

/** Python's `str(datetime.now(timezone.utc))`: `2026-12-06 10:00:00.123456+00:00` (microseconds from ms). */
function pythonUtcNow(now = new Date()): string {
  return `${now.toISOString().replace('T', ' ').replace(/\.(\d{3})Z$/, '.$1000')}+00:00`;
}

const port = Number(process.argv[2] ?? 0);
const intervalMs = Number(process.argv[3] ?? 15_000);
const server = createServer((req, res) => {
  if (req.method !== 'GET' || !/text\/event-stream/.test(req.headers.accept ?? '')) {
    // What the MCP Python SDK answers a GET without `Accept: text/event-stream`.
    res.writeHead(406, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ jsonrpc: '2.0', id: 'server-error', error: { code: -32600, message: 'Not Acceptable: Client must accept text/event-stream' } }));
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
  const timer = setInterval(() => res.write(`: ping - ${pythonUtcNow()}\r\n\r\n`), intervalMs);
  res.on('close', () => clearInterval(timer));
});
server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : port}`);
});
