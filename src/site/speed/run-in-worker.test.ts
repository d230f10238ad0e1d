import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runInWorker, workerEnv } from './run-in-worker.ts';

const module = (code: string) => new URL(`data:text/javascript,${encodeURIComponent(`import { parentPort, workerData } from 'node:worker_threads';\n${code}`)}`);

describe('runInWorker', () => {
  test('resolves to the message the worker posts, given its data', async () => {
    await expect(runInWorker(module('parentPort.postMessage(workerData.n * 2);'), { n: 21 }, 'doubling')).resolves.toBe(42);
  });

  test('a falsy message is still a result', async () => {
    await expect(runInWorker(module('parentPort.postMessage(0);'), {}, 'counting')).resolves.toBe(0);
  });

  test('an error in the worker rejects with what failed and why', async () => {
    await expect(runInWorker(module("throw new Error('disk full');"), {}, 'filling the pool')).rejects.toThrow('filling the pool failed: disk full');
  });

  test('an exit without a message rejects with the exit code', async () => {
    await expect(runInWorker(module('process.exit(3);'), {}, 'computing')).rejects.toThrow('computing failed: the worker exited with code 3 and no result');
  });
});

describe('workerEnv', () => {
  const env = { PATH: '/usr/bin' };

  test('passes the parent compile cache on as the directory Node was given', () => {
    expect(workerEnv(env, '/tmp/cache/v24.0.0-x64-abc')).toEqual({ PATH: '/usr/bin', NODE_COMPILE_CACHE: '/tmp/cache' });
    expect(env).toEqual({ PATH: '/usr/bin' });
  });

  test('leaves the environment alone when the parent has no cache or names one itself', () => {
    expect(workerEnv(env, undefined)).toBe(env);
    const named = { ...env, NODE_COMPILE_CACHE: '/var/cache/node' };
    expect(workerEnv(named, '/var/cache/node/v24.0.0-x64-abc')).toBe(named);
  });
});

describe('runInWorker and the compile cache', () => {
  // A separate Node process, so turning the cache on does not leak into the test runner.
  const workerCacheDir = (enable: boolean) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'proofbook-cache-'));
    const script = `
      import module from 'node:module';
      import { runInWorker } from ${JSON.stringify(new URL('./run-in-worker.ts', import.meta.url).href)};
      if (${enable}) module.enableCompileCache(${JSON.stringify(dir)});
      const code = "import { getCompileCacheDir } from 'node:module'; import { parentPort } from 'node:worker_threads'; parentPort.postMessage(getCompileCacheDir() ?? 'none');";
      const inWorker = await runInWorker(new URL('data:text/javascript,' + encodeURIComponent(code)), {}, 'reading the cache dir');
      console.log(JSON.stringify({ parent: module.getCompileCacheDir() ?? 'none', worker: inWorker }));
    `;
    const env = { ...process.env };
    delete env.NODE_COMPILE_CACHE;
    try {
      return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { env, encoding: 'utf8' })) as { parent: string; worker: string };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  test('a worker uses the compile cache its parent thread uses', () => {
    const { parent, worker } = workerCacheDir(true);
    expect(parent).toContain('proofbook-cache-');
    expect(worker).toBe(parent);
  });

  test('a worker has none when its parent has none', () => {
    expect(workerCacheDir(false)).toEqual({ parent: 'none', worker: 'none' });
  });
});
