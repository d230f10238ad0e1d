/**
 * The embedded default's database: `startDemoGateway({ embeddedPostgres: true })` runs PGlite over the
 * PostgreSQL wire protocol in a child process, and the real @modelcontextprotocol/server-postgres reaches it
 * through `pg`. Seen through the official MCP SDK client, as a user of the gateway would see it.
 */
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connectSdkClient, startTestGateway, type TestGateway } from './helpers.ts';
import { isAlive } from '../../src/util/leftovers.ts';

const childrenOf = async (pid: number): Promise<number[]> => {
  const text = await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => '');
  return text.split(' ').filter(Boolean).map(Number);
};
const commandOf = async (pid: number): Promise<string> => {
  return (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).replaceAll('\0', ' ');
};
/** The embedded database processes this test process started. */
const databaseChildren = async (): Promise<number[]> => {
  const found: number[] = [];
  for (const pid of await childrenOf(process.pid)) if ((await commandOf(pid)).includes('pglite-server.ts')) found.push(pid);
  return found;
};

describe('mcp_postgres on the embedded PostgreSQL (PGlite)', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ embeddedPostgres: true });
  }, 90_000);
  afterAll(async () => {
    await t?.gateway.stop();
  });

  test('lists its tools next to mcp_filesystem, both ok', async () => {
    const client = await connectSdkClient(`${t.gateway.url}/mcp`, { authorization: `Bearer ${t.key}` });
    try {
      const page = await client.listTools();
      expect(page._meta?.['litellm.ai/server_outcomes']).toMatchObject({ mcp_postgres: { status: 'ok', tool_count: 1 }, mcp_filesystem: { status: 'ok' } });
      expect(page.tools.map((tool) => tool.name)).toContain('mcp_postgres-query');
    } finally {
      await client.close();
    }
  });

  test('answers read-only queries: SELECT 1 and the seeded demo table', async () => {
    const client = await connectSdkClient(`${t.gateway.url}/mcp_postgres/mcp`, { authorization: `Bearer ${t.key}` });
    try {
      const text = async (sql: string): Promise<unknown> => {
        const result = await client.callTool({ name: 'mcp_postgres-query', arguments: { sql } });
        expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
        const [content] = result.content as Array<{ type: string; text: string }>;
        return JSON.parse(content?.text ?? 'null');
      };
      expect(await text('SELECT 1 AS one')).toEqual([{ one: 1 }]);
      expect(await text('SELECT name, qty FROM demo_items ORDER BY id')).toEqual([
        { name: 'apple', qty: 3 },
        { name: 'pear', qty: 5 },
        { name: 'plum', qty: 8 },
      ]);
      // server-postgres wraps each query in a READ ONLY transaction; the database must honour it.
      const write = await client.callTool({ name: 'mcp_postgres-query', arguments: { sql: "INSERT INTO demo_items (name, qty) VALUES ('fig', 1)" } });
      expect(write.isError).toBe(true);
      expect(JSON.stringify(write.content)).toContain('read-only transaction');
      expect(await text('SELECT count(*)::int AS n FROM demo_items')).toEqual([{ n: 3 }]);
    } finally {
      await client.close();
    }
  });

  test('concurrent queries from several clients all answer', async () => {
    const clients = await Promise.all([1, 2, 3].map(() => connectSdkClient(`${t.gateway.url}/mcp_postgres/mcp`, { authorization: `Bearer ${t.key}` })));
    try {
      const results = await Promise.all(
        clients.map((client, index) => client.callTool({ name: 'mcp_postgres-query', arguments: { sql: `SELECT ${index} AS n, count(*)::int AS rows FROM demo_items` } })),
      );
      expect(results.map((result) => JSON.parse((result.content as Array<{ text: string }>)[0]?.text ?? 'null'))).toEqual([
        [{ n: 0, rows: 3 }],
        [{ n: 1, rows: 3 }],
        [{ n: 2, rows: 3 }],
      ]);
    } finally {
      await Promise.all(clients.map((client) => client.close()));
    }
  });
});

test('stop() ends the database process and an explicit postgresUrl wins over the embedded one', async () => {
  const t = await startTestGateway({ embeddedPostgres: true });
  const database = await databaseChildren();
  expect(database).toHaveLength(1);
  await t.gateway.stop();
  for (let waited = 0; database.some(isAlive) && waited < 5000; waited += 50) await sleep(50);
  expect(database.filter(isAlive)).toEqual([]);

  // A URL nothing listens on: the gateway must use it (mcp_postgres then fails its query) and start no PGlite.
  const explicit = await startTestGateway({ embeddedPostgres: true, postgresUrl: 'postgresql://nobody@127.0.0.1:1/none' });
  try {
    expect(await databaseChildren()).toEqual([]);
    const client = await connectSdkClient(`${explicit.gateway.url}/mcp_postgres/mcp`, { authorization: `Bearer ${explicit.key}` });
    try {
      const result = await client.callTool({ name: 'mcp_postgres-query', arguments: { sql: 'SELECT 1' } });
      expect(result.isError).toBe(true);
      expect(JSON.stringify(result.content)).toMatch(/ECONNREFUSED|connect/);
    } finally {
      await client.close();
    }
  } finally {
    await explicit.gateway.stop();
  }
}, 90_000);
