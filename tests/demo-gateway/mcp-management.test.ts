/** LiteLLM's MCP routes beside the MCP endpoint: the REST tool list, the server health and the server list. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { call, startTestGateway, type TestGateway } from './helpers.ts';

// No PostgreSQL URL: mcp_postgres is configured but unreachable, mcp_filesystem answers.
let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
}, 30_000);
afterAll(async () => {
  await t.gateway.stop();
});

const get = (route: string, headers: Record<string, string> = { authorization: `Bearer ${t.key}` }) => call(`${t.gateway.url}${route}`, { headers });
const json = (text: string) => JSON.parse(text) as any;
/** The ids the real LiteLLM 1.108.4 gave the same two config servers (tests/real-stack/captures/). */
const realIds = Object.fromEntries(
  (JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../real-stack/captures/litellm-1.108.4-v1-mcp-server.json'), 'utf8')) as Array<{ server_id: string; server_name: string }>).map((s) => [s.server_name, s.server_id]),
);

describe('GET /mcp-rest/tools/list', () => {
  test('every server: unprefixed tools with mcp_info, server_outcomes, error null while anything listed', async () => {
    const response = await get('/mcp-rest/tools/list');
    expect([response.status, response.headers.get('content-type')]).toEqual([200, 'application/json']);
    const body = json(response.text);
    expect(Object.keys(body).sort()).toEqual(['error', 'message', 'server_outcomes', 'tools']);
    expect(body).toMatchObject({ error: null, message: 'Successfully retrieved tools', server_outcomes: { mcp_postgres: { status: 'unreachable' }, mcp_filesystem: { status: 'ok' } } });
    expect(body.server_outcomes.mcp_filesystem.tool_count).toBe(body.tools.length);
    expect(body.tools.map((tool: any) => tool.name)).toContain('list_allowed_directories');
    expect(body.tools[0].mcp_info).toEqual({ server_name: 'mcp_filesystem', server_id: realIds.mcp_filesystem, alias: null });
  });

  test('?server_id= takes a name or an id; no server_outcomes then', async () => {
    for (const id of ['mcp_filesystem', realIds.mcp_filesystem!]) {
      const body = json((await get(`/mcp-rest/tools/list?server_id=${id}`)).text);
      expect(Object.keys(body).sort()).toEqual(['error', 'message', 'tools']);
      expect(body.tools.length).toBeGreaterThan(3);
    }
  });

  test('an unknown server is 403 access_denied; an unreachable one 502', async () => {
    const unknown = await get('/mcp-rest/tools/list?server_id=nosuch');
    expect([unknown.status, unknown.text]).toEqual([403, '{"detail":{"error":"access_denied","message":"The key is not allowed to access server nosuch"}}']);
    expect((await get('/mcp-rest/tools/list?server_id=mcp_postgres')).status).toBe(502);
  });
});

describe('GET /v1/mcp/server/health and /v1/mcp/server', () => {
  test('the newer array shape, with the ids LiteLLM derives from the config', async () => {
    const response = await get('/v1/mcp/server/health');
    expect(json(response.text)).toEqual([
      { server_id: realIds.mcp_filesystem, status: 'healthy' },
      { server_id: realIds.mcp_postgres, status: 'unhealthy' },
    ]);
    expect(json((await get(`/v1/mcp/server/health?server_ids=${realIds.mcp_filesystem}`)).text)).toHaveLength(1);
    expect(json((await get('/v1/mcp/server/health?server_ids=mcp_filesystem')).text)).toEqual([]);
  });

  test('the server list names those ids', async () => {
    const list = json((await get('/v1/mcp/server')).text) as Array<{ server_id: string; server_name: string }>;
    expect(Object.fromEntries(list.map((s) => [s.server_name, s.server_id]))).toEqual(realIds);
  });

  test('they need the key, in Authorization or x-litellm-api-key', async () => {
    expect((await get('/v1/mcp/server/health', { authorization: 'Bearer sk-wrong' })).status).toBe(401);
    expect((await get('/v1/mcp/server/health', { authorization: 'Bearer sk-wrong', 'x-litellm-api-key': t.key })).status).toBe(200);
    expect((await get('/v1/mcp/server/health', {})).text).toBe('404 page not found\n');
  });
});
