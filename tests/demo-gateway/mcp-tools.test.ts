/**
 * The aggregated catalog through the Bearer gate with the official MCP SDK client: prefixes,
 * server_outcomes, x-mcp-servers narrowing, per-server paths, paging and forwarded tool calls.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { call, connectSdkClient, mcpPost, sseResult, startTestGateway, type TestGateway } from './helpers.ts';

const PAGE_SIZE = 4;
let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({ toolsPageSize: PAGE_SIZE });
});
afterAll(async () => {
  await t.gateway.stop();
});

/** Lists every page with the SDK client; returns the tools and each page's raw result. */
async function listAllWithSdk(path: string, extra: Record<string, string> = {}) {
  const client = await connectSdkClient(`${t.gateway.url}${path}`, { authorization: `Bearer ${t.key}`, ...extra });
  try {
    const tools: Tool[] = [];
    const pages: Array<Record<string, unknown>> = [];
    let cursor: string | undefined;
    do {
      const page = await client.listTools(cursor === undefined ? {} : { cursor });
      pages.push(page);
      tools.push(...page.tools);
      cursor = page.nextCursor;
    } while (cursor !== undefined && pages.length < 50);
    return { tools, pages };
  } finally {
    await client.close();
  }
}

describe('tools/list with the MCP SDK client', () => {
  // POST tools/list on /mcp/tools is refused since LiteLLM 1.108 (`tools` names no server; parity suite).
  test.each([['/mcp'], ['/mcp/']])('%s lists mcp_filesystem tools, prefixed, over several pages', async (path) => {
    const { tools, pages } = await listAllWithSdk(path);
    expect(tools.length).toBeGreaterThan(PAGE_SIZE);
    expect(pages.length).toBe(Math.ceil(tools.length / PAGE_SIZE));
    expect(tools.map((tool) => tool.name)).toContain('mcp_filesystem-read_text_file');
    expect(tools.every((tool) => tool.name.startsWith('mcp_filesystem-'))).toBe(true);
    expect(pages[0]?._meta).toEqual({
      'litellm.ai/server_outcomes': { mcp_postgres: { status: 'unreachable' }, mcp_filesystem: { status: 'ok', tool_count: tools.length } },
    });
  });

  test('x-mcp-servers narrows to the listed server', async () => {
    const { pages } = await listAllWithSdk('/mcp', { 'x-mcp-servers': 'mcp_postgres' });
    expect(pages[0]).toEqual({ _meta: { 'litellm.ai/server_outcomes': { mcp_postgres: { status: 'unreachable' } } }, tools: [] });
  });

  test('x-mcp-servers with names that match nothing is refused on tools/list, as LiteLLM 1.108 does (parity suite)', async () => {
    const response = await mcpPost(`${t.gateway.url}/mcp/`, t.key, { jsonrpc: '2.0', id: 2, method: 'tools/list' }, { 'x-mcp-servers': 'nosuchserver' });
    expect(response.status).toBe(200);
    expect(response.text).toContain('"error":{"code":-32600,"message":"The key is not allowed to access the requested MCP servers: nosuchserver"}');
  });
});

describe('per-server paths', () => {
  test.each([
    ['/mcp_filesystem/mcp', ['mcp_filesystem']],
    ['/mcp_postgres/mcp/', ['mcp_postgres']],
    ['/mcp_filesystem,mcp_postgres/mcp', ['mcp_postgres', 'mcp_filesystem']],
    ['/{mcp_filesystem,mcp_postgres}/mcp', ['mcp_postgres', 'mcp_filesystem']],
    ['/mcp/mcp_filesystem', ['mcp_filesystem']],
  ])('%s serves only %j', async (path, servers) => {
    const response = await mcpPost(`${t.gateway.url}${path}`, t.key, { jsonrpc: '2.0', id: 1, method: 'tools/list' });
    expect(response.status).toBe(200);
    const result = sseResult(response.text) as { _meta: Record<string, object> };
    expect(Object.keys(result._meta['litellm.ai/server_outcomes'] ?? {})).toEqual(servers);
  });

  test.each([
    ['/nosuchserver/mcp', 'nosuchserver'],
    ['/mcp_filesystem,nosuchserver/mcp', 'nosuchserver'],
  ])('%s → 404 naming %s', async (path, name) => {
    const response = await mcpPost(`${t.gateway.url}${path}`, t.key, { jsonrpc: '2.0', id: 1, method: 'tools/list' });
    expect(response.status).toBe(404);
    expect(response.text).toBe(`{"detail":"MCP server, toolset, or access group '${name}' not found"}`);
  });

  test('an unknown per-server path without a key still gets Traefik\'s 404', async () => {
    const response = await call(`${t.gateway.url}/nosuchserver/mcp`, { method: 'POST' });
    expect(response.text).toBe('404 page not found\n');
  });
});

describe('tools/call is forwarded to the upstream', () => {
  test('mcp_filesystem-read_text_file reads a file of the served folder', async () => {
    const client = await connectSdkClient(`${t.gateway.url}/mcp`, { authorization: `Bearer ${t.key}` });
    try {
      const result = await client.callTool({ name: 'mcp_filesystem-read_text_file', arguments: { path: `${t.gateway.filesystemRoot}/notes/hello.txt` } });
      expect(result.isError).toBeFalsy();
      expect(result.content).toEqual([{ type: 'text', text: 'hello from the demo gateway\n' }]);
    } finally {
      await client.close();
    }
  });

  test('an unknown tool → LiteLLM\'s isError result inside a 200', async () => {
    const response = await mcpPost(`${t.gateway.url}/mcp`, t.key, { jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'nonexistent_tool', arguments: {} } });
    expect(response.status).toBe(200);
    expect(response.text).toBe(
      'event: message\r\ndata: {"jsonrpc":"2.0","id":3,"result":{"content":[{"type":"text","text":"Error: User not allowed to call this tool."}],"isError":true}}\r\n\r\n',
    );
  });

  test('a bad cursor → JSON-RPC InvalidParams error', async () => {
    const response = await mcpPost(`${t.gateway.url}/mcp`, t.key, { jsonrpc: '2.0', id: 4, method: 'tools/list', params: { cursor: 'bm90LWpzb24' } });
    expect(response.status).toBe(200);
    expect(response.text).toContain('"error":{"code":-32602');
  });
});
