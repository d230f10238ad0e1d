/**
 * Requests scoped to servers they may not use, and calls across a one-server scope, answered as LiteLLM 1.108.4
 * answers them (checked against the real proxy, issue 26).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mcpPost, sseResult, startTestGateway, type TestGateway } from './helpers.ts';

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
}, 30_000);
afterAll(async () => {
  await t.gateway.stop();
});

const initialize = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 't', version: '1' } } };
const callTool = (name: string) => ({ jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name, arguments: {} } });

describe('a scope that names no server the key may use', () => {
  test.each([['["mcp_filesystem"]'], ['nosuch']])('initialize with x-mcp-servers %s → 403 before the MCP layer', async (header) => {
    const response = await mcpPost(`${t.gateway.url}/mcp/`, t.key, initialize, { 'x-mcp-servers': header });
    expect([response.status, response.headers.get('content-type')]).toEqual([403, 'application/json']);
    expect(JSON.parse(response.text)).toEqual({ detail: { error: `The key is not allowed to access the requested MCP servers: ${header}` } });
  });

  test('a JSON array of two is read as two comma-separated names, as LiteLLM does', async () => {
    const response = await mcpPost(`${t.gateway.url}/mcp/`, t.key, initialize, { 'x-mcp-servers': '["mcp_postgres","mcp_filesystem"]' });
    expect(JSON.parse(response.text).detail.error).toBe('The key is not allowed to access the requested MCP servers: ["mcp_postgres", "mcp_filesystem"]');
  });

  test('initialize on /mcp/<unknown> → the same 403', async () => {
    const response = await mcpPost(`${t.gateway.url}/mcp/nosuch`, t.key, initialize);
    expect(response.status).toBe(403);
  });

  test('tools/call → an isError result naming the servers asked for', async () => {
    const response = await mcpPost(`${t.gateway.url}/mcp/`, t.key, callTool('mcp_filesystem-list_allowed_directories'), { 'x-mcp-servers': 'nosuch' });
    expect(sseResult(response.text)).toEqual({ content: [{ type: 'text', text: 'Error: The key is not allowed to access the requested MCP servers: nosuch' }], isError: true });
  });
});

describe('a request scoped to exactly one server', () => {
  test("another server's tool is a tool_server_mismatch", async () => {
    const viaHeader = await mcpPost(`${t.gateway.url}/mcp/`, t.key, callTool('mcp_postgres-query'), { 'x-mcp-servers': 'mcp_filesystem' });
    expect(sseResult(viaHeader.text)).toEqual({ content: [{ type: 'text', text: 'Error: tool_server_mismatch' }], isError: true });
    const viaPath = await mcpPost(`${t.gateway.url}/mcp_filesystem/mcp`, t.key, callTool('mcp_postgres-query'));
    expect(sseResult(viaPath.text)).toMatchObject({ content: [{ text: 'Error: tool_server_mismatch' }] });
  });

  test('a bare tool name is that server’s own tool', async () => {
    const response = await mcpPost(`${t.gateway.url}/mcp_filesystem/mcp`, t.key, callTool('list_allowed_directories'));
    expect(sseResult(response.text)).toMatchObject({ isError: false, content: [{ type: 'text', text: expect.stringMatching(/^Allowed directories:/) }] });
  });

  test('a header naming two (one unknown) is not a one-server scope: the other tool is just not allowed', async () => {
    const response = await mcpPost(`${t.gateway.url}/mcp/`, t.key, callTool('mcp_postgres-query'), { 'x-mcp-servers': 'mcp_filesystem,nosuch' });
    expect(sseResult(response.text)).toMatchObject({ content: [{ text: 'Error: User not allowed to call this tool.' }], isError: true });
  });
});
