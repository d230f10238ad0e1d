import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { closedPort, probeOne, startHttp, startSelfSignedTls, startSilent, tempDir, type TestServer } from './helpers.ts';
import { startFakeMcp, type FakeMode } from './fake-mcp.ts';

// Every failure class against a real fault on loopback (issue 5 "Done when"); nothing here may hang.
const servers: TestServer[] = [];
let scratch: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  scratch = await tempDir();
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await scratch.remove();
});
const keep = <T extends TestServer>(server: T): T => (servers.push(server), server);

// One attempt each: these pin what a single probe reports and when its deadline fires (retries: retry.test.ts).
const httpCheck = { id: 'fault.http', title: 'fault', kind: 'http', path: '/', auth: 'none', timeout: '1500ms', retry: { count: 0 } } as const;
const mcpCheck = { id: 'fault.mcp', title: 'fault', kind: 'mcp', auth: 'none', timeout: '1500ms', retry: { count: 0 } } as const;

describe('transport failures', () => {
  test('an unresolvable .invalid host is dns', async () => {
    const record = await probeOne('http://proofbook-probe.invalid', httpCheck);
    expect([record.verdict, record.failureClass]).toEqual(['fail', 'dns']);
  });

  test('a closed port is tcp_refused', async () => {
    const record = await probeOne(`http://127.0.0.1:${await closedPort()}`, httpCheck);
    expect([record.verdict, record.failureClass]).toEqual(['fail', 'tcp_refused']);
    expect(record.summary).toMatch(/ECONNREFUSED/);
  });

  test('a self-signed certificate is tls', async () => {
    const server = keep(await startSelfSignedTls(scratch.dir));
    const record = await probeOne(server.url, httpCheck);
    expect([record.verdict, record.failureClass]).toEqual(['fail', 'tls']);
  });

  test('a server that accepts and never answers is a timeout at the check deadline', async () => {
    const server = keep(await startSilent());
    const started = Date.now();
    const record = await probeOne(server.url, httpCheck);
    expect([record.verdict, record.failureClass]).toEqual(['fail', 'timeout']);
    expect(Date.now() - started).toBeLessThan(4000);
  });

  test('a 5xx is http_status', async () => {
    const server = keep(await startHttp((_req, res) => res.writeHead(503).end('no available server')));
    const record = await probeOne(server.url, httpCheck);
    expect([record.verdict, record.failureClass]).toEqual(['fail', 'http_status']);
    expect(record.conditions[0]).toEqual({ condition: 'status == 200', ok: false, actual: '503' });
  });
});

describe('MCP exchange faults', () => {
  test.each<[FakeMode, string, RegExp]>([
    ['server-error', 'http_status', /tools\/list: HTTP 502/],
    ['stall-mid-stream', 'timeout', /deadline of 1500 ms/],
    ['cut-stream', 'protocol', /truncated|closed|terminated|socket/i],
    ['invalid-jsonrpc', 'protocol', /not JSON-RPC 2\.0/],
    ['not-json', 'protocol', /invalid JSON/],
    ['rpc-error', 'protocol', /JSON-RPC error -32601: Method not found/],
  ])('%s → %s', async (mode, failureClass, summary) => {
    const server = keep(await startFakeMcp(mode));
    const started = Date.now();
    const record = await probeOne(server.url, mcpCheck);
    expect([record.verdict, record.failureClass]).toEqual(['fail', failureClass]);
    expect(record.summary).toMatch(summary);
    expect(Date.now() - started).toBeLessThan(5000);
    // The session is ended even when the exchange failed (the run's version read on /health is not part of it).
    expect(server.requests.filter((request) => !request.url.startsWith('/health')).at(-1)?.method).toBe('DELETE');
  });

  test('a stream that stalls before its headers on an sse-capture is a timeout, not a hang', async () => {
    const server = keep(await startSilent());
    const record = await probeOne(server.url, { id: 'fault.sse', title: 'fault', kind: 'sse-capture', auth: 'none', window: '500ms', timeout: '1s', retry: { count: 0 } });
    expect([record.verdict, record.failureClass]).toEqual(['fail', 'timeout']);
  });
});
