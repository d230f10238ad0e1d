import { Worker } from 'node:worker_threads';

/**
 * Runs `module` in a new worker thread with `workerData` and resolves to the one message it posts before it
 * exits. An error in the worker, or an exit without a message, rejects with `<what> failed: …`.
 */
export function runInWorker<T>(module: URL, workerData: unknown, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(module, { workerData });
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
