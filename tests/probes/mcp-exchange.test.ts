import { afterEach, expect, test } from 'vitest';
import { mcpListTools } from '../../src/probes/mcp.ts';
import { startFakeMcp, type FakeMcp } from './fake-mcp.ts';

let server: FakeMcp | undefined;
afterEach(() => server?.close());

test.each(['ok-sse', 'ok-json'] as const)('%s: session id echoed, protocol version sent after initialize, cursor walk, DELETE', async (mode) => {
  server = await startFakeMcp(mode);
  const obs = await mcpListTools({ url: `${server.url}/mcp/`, headers: { 'x-mcp-servers': 'mcp_postgres,mcp_filesystem' }, signal: AbortSignal.timeout(5000), scopedServers: ['mcp_postgres', 'mcp_filesystem'] });
  expect(obs.failure).toBeNull();
  expect([obs.protocolVersion, obs.serverInfo?.name, obs.pages, obs.deleteStatus]).toEqual(['2025-06-18', 'fake-mcp', 3, 200]);
  expect(obs.tools.map((t) => `${t.server ?? '?'}:${t.name}`)).toEqual([
    'mcp_postgres:mcp_postgres-query', 'mcp_filesystem:mcp_filesystem-read_file', 'mcp_filesystem:mcp_filesystem-list_directory',
    'mcp_filesystem:mcp_filesystem-write_file', '?:other-tool',
  ]);
  const [init, ...rest] = server.requests;
  expect(init?.headers['mcp-session-id']).toBeUndefined();
  expect(init?.headers['mcp-protocol-version']).toBeUndefined();
  expect(rest.map((r) => [r.method, r.headers['mcp-session-id'], r.headers['mcp-protocol-version']])).toEqual([
    ['POST', 'sess-1', '2025-06-18'], ['POST', 'sess-1', '2025-06-18'], ['POST', 'sess-1', '2025-06-18'], ['POST', 'sess-1', '2025-06-18'], ['DELETE', 'sess-1', '2025-06-18'],
  ]);
  expect(rest.slice(1, 4).map((r) => JSON.parse(r.body).params)).toEqual([{}, { cursor: '2' }, { cursor: '4' }]);
  expect(init?.headers.accept).toBe('application/json, text/event-stream');
});
