import { getCompileCacheDir } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * The environment a worker starts with: the parent's, plus the parent's module compile cache when it has one
 * (the astro CLI turns it on for its own thread). A worker does not inherit the cache; without it, each
 * build's worker type-strips and compiles every module again (the status digest's: ~120 ms of CPU).
 */
export function workerEnv(parentEnv: NodeJS.ProcessEnv = process.env, cacheDir = getCompileCacheDir()): NodeJS.ProcessEnv {
  if (cacheDir === undefined || parentEnv.NODE_COMPILE_CACHE !== undefined) return parentEnv;
  // getCompileCacheDir() names the per-version folder Node keeps inside the directory it was given.
  return { ...parentEnv, NODE_COMPILE_CACHE: path.dirname(cacheDir) };
}

/**
 * Runs `module` in a new worker thread with `workerData` and resolves to the one message it posts before it
 * exits. An error in the worker, or an exit without a message, rejects with `<what> failed: …`.
 */
export function runInWorker<T>(module: URL, workerData: unknown, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(module, { workerData, env: workerEnv() });
    let posted = false;
    let result: T;
    worker.once('message', (message: T) => {
      posted = true;
      result = message;
    });
    worker.once('error', (error) => reject(new Error(`${what} failed: ${error.message}`, { cause: error })));
    worker.once('exit', (code) => (posted ? resolve(result) : reject(new Error(`${what} failed: the worker exited with code ${code} and no result`))));
  });
}
