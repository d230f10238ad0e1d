/**
 * The embedded database's snapshot cache: a damaged snapshot falls back to initdb and is replaced, and the
 * next start loads the replacement with the seeded table intact (read through the gateway and the real
 * server-postgres).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startEmbeddedPostgres } from '../../src/demo-gateway/embedded-postgres.ts';
import { connectSdkClient, startTestGateway } from './helpers.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'proofbook-pglite-snapshot-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function demoRows(postgresUrl: string): Promise<unknown> {
  const t = await startTestGateway({ postgresUrl });
  try {
    const client = await connectSdkClient(`${t.gateway.url}/mcp_postgres/mcp`, { authorization: `Bearer ${t.key}` });
    try {
      const result = await client.callTool({ name: 'mcp_postgres-query', arguments: { sql: 'SELECT name, qty FROM demo_items ORDER BY id' } });
      return JSON.parse((result.content as Array<{ text: string }>)[0]?.text ?? 'null');
    } finally {
      await client.close();
    }
  } finally {
    await t.gateway.stop();
  }
}

test('a damaged snapshot is replaced by a fresh initdb, and the next start loads it', async () => {
  const snapshotFile = path.join(dir, 'demo.tar.gz');
  await writeFile(snapshotFile, 'not a gzip file');
  const expected = [
    { name: 'apple', qty: 3 },
    { name: 'pear', qty: 5 },
    { name: 'plum', qty: 8 },
  ];

  const firstLog: string[] = [];
  const first = await startEmbeddedPostgres({ log: (line) => firstLog.push(line), snapshotFile });
  try {
    expect(firstLog.join('\n')).toMatch(/snapshot .*demo\.tar\.gz unreadable .*running initdb/);
    expect(await demoRows(first.url)).toEqual(expected);
  } finally {
    await first.stop();
  }
  // gunzipSync checks gzip's CRC: the replacement is whole.
  expect(gunzipSync(await readFile(snapshotFile)).length).toBeGreaterThan(1_000_000);

  const secondLog: string[] = [];
  const second = await startEmbeddedPostgres({ log: (line) => secondLog.push(line), snapshotFile });
  try {
    expect(secondLog).toEqual([]);
    expect(await demoRows(second.url)).toEqual(expected);
  } finally {
    await second.stop();
  }
}, 120_000);
