// Issue 25 item 12: a gateway that returns tools from servers outside the requested `x-mcp-servers` scope (a real
// class of LiteLLM bug: the header only narrows, and a gateway that ignores it hands out everything) is a failure
// of the mcp check, with the offending tools named. A real loopback MCP endpoint answers every scope with all of it.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { probeAll, sseFrame, startHttp, type TestServer } from '../probes/helpers.ts';

let server: TestServer;
const scopes: string[] = [];

beforeAll(async () => {
  server = await startHttp((req, res, body) => {
    if (req.method === 'DELETE') return void res.writeHead(200).end();
    const message = JSON.parse(body || '{}') as { id?: number; method?: string };
    if (message.id === undefined) return void res.writeHead(202).end();
    scopes.push(String(req.headers['x-mcp-servers']));
    const result = message.method === 'initialize'
      ? { protocolVersion: '2025-11-25', capabilities: {}, serverInfo: { name: 'leaky' } }
      : {
          // Whatever the scope, every server's tools, as a gateway that ignores x-mcp-servers does.
          _meta: { 'litellm.ai/server_outcomes': { mcp_postgres: { status: 'ok', tool_count: 1 }, mcp_filesystem: { status: 'ok', tool_count: 1 }, mcp_github: { status: 'ok', tool_count: 1 } } },
          tools: ['mcp_postgres-query', 'mcp_filesystem-read_file', 'mcp_github-create_issue'].map((name) => ({ name, inputSchema: { type: 'object' } })),
        };
    res.writeHead(200, { 'content-type': 'text/event-stream' }).end(sseFrame({ jsonrpc: '2.0', id: message.id, result }));
  });
});
afterAll(() => server?.close());

test('tools from servers outside the scope are a scope violation naming them', async () => {
  const [narrow, wide] = await probeAll(server.url, [
    { id: 'mcp.postgres-only', title: 'postgres', kind: 'mcp', path: '/mcp/', auth: 'none', servers: ['mcp_postgres'] },
    { id: 'mcp.both', title: 'both', kind: 'mcp', path: '/mcp/', auth: 'none' },
  ]);
  expect(scopes).toContain('mcp_postgres');
  expect(narrow).toMatchObject({ verdict: 'fail', failureClass: 'expectation' });
  expect(narrow!.summary).toBe('tools only from the x-mcp-servers scope (mcp_postgres) — got scope violation: mcp_filesystem-read_file, mcp_github-create_issue, server_outcomes[mcp_filesystem], server_outcomes[mcp_github]');
  // A server the environment does not even list is found through the gateway's own server_outcomes.
  expect(wide).toMatchObject({ verdict: 'fail', failureClass: 'expectation' });
  expect(wide!.summary).toBe('tools only from the x-mcp-servers scope (mcp_postgres, mcp_filesystem) — got scope violation: mcp_github-create_issue, server_outcomes[mcp_github]');
});
