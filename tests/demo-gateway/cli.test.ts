/** `node scripts/demo-gateway.ts`: prints the URL, serves, and on SIGINT/SIGTERM exits 0 leaving no child behind. */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { call, NET_TIMEOUT_MS } from './helpers.ts';
import { isAlive } from '../../src/util/leftovers.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'proofbook-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const childrenOf = async (pid: number): Promise<number[]> => {
  const text = await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => '');
  return text.split(' ').filter(Boolean).map(Number);
};

test.each([['SIGINT'], ['SIGTERM']] as const)('%s stops the gateway and its upstreams', async (signal) => {
  const keyFile = path.join(dir, `${signal}.key`);
  const env = { ...process.env, PROOFBOOK_DEMO_GATEWAY_KEY: '' };
  const child = spawn(process.execPath, ['scripts/demo-gateway.ts', '--quiet', '--key-file', keyFile], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    // The embedded PostgreSQL starts before the URL is printed: PGlite's initdb when its snapshot is not cached yet.
    const deadline = Date.now() + 60_000;
    while (!stdout.includes('\n') && Date.now() < deadline) await sleep(25);
    const url = stdout.trim();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    const key = (await readFile(keyFile, 'utf8')).trim();
    expect(stdout).not.toContain(key);
    expect((await call(`${url}/v1/models`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
    const upstreams = await childrenOf(child.pid!);
    expect(upstreams.length).toBeGreaterThan(0);
    const commands = await Promise.all(upstreams.map((pid) => readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')));
    expect(commands.some((command) => command.includes('pglite-server.ts'))).toBe(true);
    child.kill(signal);
    expect(await exited).toBe(0);
    expect(upstreams.filter(isAlive)).toEqual([]);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}, 90_000);
