import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { blockEnv } from './block-env.ts';
import { capUtf8, runBlock, type BlockRunOptions } from './run-block.ts';

// Real bash, real processes: what a block sees, and what is left of it afterwards.
let tempRoot = '';
beforeAll(async () => {
  tempRoot = await mkdtemp(path.join(os.tmpdir(), 'run-block-test-'));
});
afterAll(async () => {
  await rm(tempRoot, { recursive: true, force: true });
});

/** Whether a process is alive (a zombie waiting for its parent is not). */
async function isRunning(pid: number): Promise<boolean> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  return stat !== '' && !stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
}

const SECRET = 'sk-canary-0123456789abcdef';
const environment = { keyEnv: 'LITELLM_API_KEY', adminKeyEnv: 'LITELLM_MASTER_KEY', mcpPath: '/mcp/' };

function options(code: string, extra: Partial<BlockRunOptions> = {}): BlockRunOptions {
  const { env, missing } = blockEnv({ environment, baseUrl: 'http://127.0.0.1:9', from: { PATH: process.env.PATH, LITELLM_API_KEY: SECRET, AWS_SECRET_ACCESS_KEY: 'leak-me', HOME: '/root' } });
  return { code, timeoutMs: 5000, env, missingEnv: missing, secrets: [{ name: 'LITELLM_API_KEY', value: SECRET }], baseUrl: 'http://127.0.0.1:9', tempRoot, ...extra };
}

describe('runBlock', () => {
  test('the block sees PATH, its own HOME, the gateway URLs and the key, nothing else of the runner', async () => {
    const obs = await runBlock(options('env | cut -d= -f1 | sort; echo "home=$HOME"; echo "key=$LITELLM_API_KEY"; pwd'));
    const lines = obs.output.trim().split('\n');
    // bash itself adds PWD, SHLVL and `_`.
    expect(lines.slice(0, -3).filter((name) => !['PWD', 'SHLVL', '_'].includes(name))).toEqual(['GATEWAY_URL', 'HOME', 'LITELLM_API_KEY', 'MCP_URL', 'PATH']);
    expect(lines.at(-3)).toBe('home=<tmp>/home');
    expect(lines.at(-2)).toBe('key=[redacted:LITELLM_API_KEY]');
    expect(lines.at(-1)).toBe('<tmp>/home');
    expect(obs.missingEnv).toEqual(['LITELLM_MASTER_KEY']);
  });

  test('runs under -euo pipefail: a failing command in a pipe stops the block with its code', async () => {
    const obs = await runBlock(options('echo before\nfalse | cat\necho after'));
    expect([obs.exitCode, obs.output]).toEqual([1, 'before\n']);
    const unset = await runBlock(options('echo "$LITELLM_MASTER_KEY"'));
    expect(unset.exitCode).toBe(1);
    expect(unset.output).toMatch(/LITELLM_MASTER_KEY: unbound variable/);
  });

  test('stdout and stderr arrive in the order they were written', async () => {
    const obs = await runBlock(options('echo one; echo two >&2; echo three'));
    expect(obs.output).toBe('one\ntwo\nthree\n');
  });

  test('a timeout kills the whole process group, background jobs included, and leaves no temp folder', async () => {
    const started = Date.now();
    const obs = await runBlock(options('sleep 30 & echo "bg=$!"; sleep 30', { timeoutMs: 300 }));
    expect(Date.now() - started).toBeLessThan(5000);
    expect([obs.timedOut, obs.exitCode, obs.failure?.failureClass]).toEqual([true, null, 'timeout']);
    const pid = Number(/bg=(\d+)/.exec(obs.output)?.[1]);
    expect(pid).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await isRunning(pid)).toBe(false);
    expect(await readdir(tempRoot)).toEqual([]);
  });

  test('a block that exits leaves nothing running behind it', async () => {
    const obs = await runBlock(options('sleep 30 & echo "bg=$!"'));
    expect(obs.exitCode).toBe(0);
    const pid = Number(/bg=(\d+)/.exec(obs.output)?.[1]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await isRunning(pid)).toBe(false);
  });

  test('output is redacted before it is capped: a secret across the cap leaves no part of itself', async () => {
    const limit = 64;
    // The secret starts 10 bytes before the cap: capping first would keep its first 10 characters.
    const obs = await runBlock(options(`printf '%0${limit - 10}d' 0; printf '%s\\n' "$LITELLM_API_KEY"; printf 'tail\\n'`, { outputLimit: limit }));
    expect(obs.truncated).toBe(true);
    expect(obs.outputBytes).toBe(limit - 10 + SECRET.length + 1 + 5);
    expect(Buffer.byteLength(obs.output)).toBeLessThanOrEqual(limit);
    expect(obs.output).not.toContain(SECRET.slice(0, 6));
    expect(obs.output).toMatch(/^0{54}\[redacted:$/);
  });

  test('output is read in bounded bytes however much a block prints', async () => {
    const obs = await runBlock(options('head -c 3000000 /dev/zero | tr "\\0" x', { outputLimit: 1000 }));
    expect([obs.exitCode, obs.outputBytes, Buffer.byteLength(obs.output), obs.truncated]).toEqual([0, 3_000_000, 1000, true]);
  });
});

test.each([
  ['ascii', 'abcdef', 4, 'abcd'],
  ['does not split a character', 'aé€', 4, 'aé'],
  ['fits', 'aé', 10, 'aé'],
])('capUtf8: %s', (_name, text, limit, kept) => {
  expect(capUtf8(text, limit).text).toBe(kept);
});
