/**
 * mcp_postgres against a real PostgreSQL: `@modelcontextprotocol/server-postgres` as a child
 * process. Needs a database from `.ci/postgres.sh start` in PROOFBOOK_TEST_POSTGRES_URL.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connectSdkClient, startTestGateway, type TestGateway } from './helpers.ts';

const url = process.env.PROOFBOOK_TEST_POSTGRES_URL;

describe.skipIf(!url)('mcp_postgres against a real PostgreSQL (skipped unless PROOFBOOK_TEST_POSTGRES_URL is set; see .ci/postgres.sh)', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ postgresUrl: url });
  });
  afterAll(async () => {
    await t?.gateway.stop();
  });

  test('both upstreams run and the catalog reports both ok', async () => {
    expect(t.gateway.upstreamPids()).toHaveLength(2);
    const client = await connectSdkClient(`${t.gateway.url}/mcp`, { authorization: `Bearer ${t.key}` });
    try {
      const page = await client.listTools();
      expect(page._meta?.['litellm.ai/server_outcomes']).toMatchObject({ mcp_postgres: { status: 'ok', tool_count: 1 }, mcp_filesystem: { status: 'ok' } });
      expect(page.tools.map((tool) => tool.name)).toContain('mcp_postgres-query');
    } finally {
      await client.close();
    }
  });

  test('/mcp_postgres/mcp runs a read-only query on the demo table', async () => {
    const client = await connectSdkClient(`${t.gateway.url}/mcp_postgres/mcp`, { authorization: `Bearer ${t.key}` });
    try {
      expect((await client.listTools()).tools.map((tool) => tool.name)).toEqual(['mcp_postgres-query']);
      const result = await client.callTool({ name: 'mcp_postgres-query', arguments: { sql: 'SELECT name, qty FROM demo_items ORDER BY id' } });
      expect(result.isError).toBeFalsy();
      const [content] = result.content as Array<{ type: string; text: string }>;
      expect(JSON.parse(content?.text ?? 'null')).toEqual([
        { name: 'apple', qty: 3 },
        { name: 'pear', qty: 5 },
        { name: 'plum', qty: 8 },
      ]);
    } finally {
      await client.close();
    }
  });

  test("an upstream's own error (bad SQL) comes back as LiteLLM 1.108.4 words it: isError, 'MCPError: <message>'", async () => {
    const client = await connectSdkClient(`${t.gateway.url}/mcp`, { authorization: `Bearer ${t.key}`, 'x-mcp-servers': 'mcp_postgres' });
    try {
      const result = await client.callTool({ name: 'mcp_postgres-query', arguments: { sql: 'SELEC nonsense' } });
      expect(result).toEqual({ content: [{ type: 'text', text: 'MCPError: syntax error at or near "SELEC"' }], isError: true });
    } finally {
      await client.close();
    }
  });

  test('the unreachable fault hides mcp_postgres and heals', async () => {
    t.gateway.faults.setUpstreamUnreachable('mcp_postgres', true);
    const client = await connectSdkClient(`${t.gateway.url}/mcp`, { authorization: `Bearer ${t.key}`, 'x-mcp-servers': 'mcp_postgres' });
    try {
      expect((await client.listTools())._meta?.['litellm.ai/server_outcomes']).toEqual({ mcp_postgres: { status: 'unreachable' } });
      t.gateway.faults.setUpstreamUnreachable('mcp_postgres', false);
      expect((await client.listTools()).tools).toHaveLength(1);
    } finally {
      await client.close();
    }
  });
});
