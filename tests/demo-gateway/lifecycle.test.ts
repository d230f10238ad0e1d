/** Start/stop lifecycle: no orphan processes, idempotent stop, upstream restart, secrets never leak. */
import { access, readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, test } from 'vitest';
import { startDemoGateway } from '../../src/demo-gateway/index.ts';
import { call, mcpPost, NET_TIMEOUT_MS, newKey, sseResult, startTestGateway } from './helpers.ts';
import { isAlive } from '../../src/util/leftovers.ts';


async function waitUntil(condition: () => boolean, ms = 5_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await sleep(50);
  }
  return condition();
}

describe('stop()', () => {
  test('terminates the upstream child processes, closes open streams and removes the temp folder', async () => {
    const { gateway, key } = await startTestGateway();
    const pids = gateway.upstreamPids();
    expect(pids.length).toBe(1);
    expect(pids.every(isAlive)).toBe(true);
    const stream = await fetch(`${gateway.url}/mcp`, {
      headers: { accept: 'text/event-stream', authorization: `Bearer ${key}` },
      signal: AbortSignal.timeout(NET_TIMEOUT_MS),
    });
    const reading = stream.body!.getReader().read().then(
      () => 'ended',
      () => 'ended',
    );
    await gateway.stop();
    expect(await reading).toBe('ended');
    expect(await waitUntil(() => !pids.some(isAlive))).toBe(true);
    await expect(access(gateway.filesystemRoot)).rejects.toThrow();
    await expect(fetch(`${gateway.url}/health/liveliness`, { signal: AbortSignal.timeout(2_000) })).rejects.toThrow();
  });

  test('is idempotent', async () => {
    const { gateway } = await startTestGateway();
    await Promise.all([gateway.stop(), gateway.stop()]);
    await expect(gateway.stop()).resolves.toBeUndefined();
  });
});

describe('upstream restarts', () => {
  test('a crashed upstream is respawned on the next request', async () => {
    const { gateway, key } = await startTestGateway();
    try {
      const [first] = gateway.upstreamPids();
      process.kill(first!, 'SIGKILL');
      expect(await waitUntil(() => !gateway.upstreamPids().includes(first!))).toBe(true);
      const result = sseResult((await mcpPost(`${gateway.url}/mcp`, key, { jsonrpc: '2.0', id: 1, method: 'tools/list' })).text);
      expect(result._meta).toMatchObject({ 'litellm.ai/server_outcomes': { mcp_filesystem: { status: 'ok' } } });
      expect(gateway.upstreamPids()).toHaveLength(1);
      expect(gateway.upstreamPids()).not.toContain(first);
    } finally {
      await gateway.stop();
    }
  });
});

describe('secrets', () => {
  test('the master key appears in no log line, response body, child command line or child environment', async () => {
    const { gateway, key, logs } = await startTestGateway();
    const bodies: string[] = [];
    try {
      const auth = { authorization: `Bearer ${key}` };
      for (const [path, init] of [
        ['/v1/models', { headers: auth }],
        ['/v1/models', { headers: { authorization: 'Bearer sk-wrong' } }],
        ['/schedule/model_cost_map_reload/status', {}],
        ['/health/readiness', { headers: auth }],
        ['/nosuchserver/mcp', { method: 'POST', headers: auth }],
        ['/mcp?key=' + key, { headers: { ...auth, accept: 'application/json' } }],
      ] as const) {
        bodies.push((await call(`${gateway.url}${path}`, init)).text);
      }
      bodies.push((await mcpPost(`${gateway.url}/mcp`, key, { jsonrpc: '2.0', id: 1, method: 'tools/list' })).text);
      gateway.faults.rotateKey(`${key}-next`);
      bodies.push((await mcpPost(`${gateway.url}/mcp`, key, { jsonrpc: '2.0', id: 1, method: 'tools/list' })).text);
      for (const pid of gateway.upstreamPids()) {
        bodies.push(await readFile(`/proc/${pid}/cmdline`, 'utf8'), await readFile(`/proc/${pid}/environ`, 'utf8'));
      }
    } finally {
      await gateway.stop();
    }
    expect(logs.length).toBeGreaterThan(5);
    for (const text of [...logs, ...bodies]) expect(text).not.toContain(key);
  });

  test('invalid options fail at start, naming the field and not the value', async () => {
    await expect(startDemoGateway({ masterKey: '', port: -1 })).rejects.toThrowErrorMatchingInlineSnapshot(`
      [Error: startDemoGateway options are invalid:
        port: Too small: expected number to be >=0
        masterKey: Too small: expected string to have >=1 characters]
    `);
    const secretish = newKey();
    await expect(startDemoGateway({ masterKey: `${secretish} with space` })).rejects.toThrow(/masterKey: must be a non-empty key without whitespace/);
    await expect(startDemoGateway({ masterKey: `${secretish} with space` })).rejects.not.toThrow(secretish);
  });
});
