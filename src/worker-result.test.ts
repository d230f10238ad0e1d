import { describe, expect, test } from 'vitest';
import { runInWorker } from './worker-result.ts';

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
