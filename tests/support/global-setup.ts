import { randomBytes } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Prefix of the project copies made during this test run (see tests/support/site.ts). */
    runToken: string;
    /** The key the shared main-job run uses; tests assert it never leaks. */
    canaryKey: string;
  }
}

const tmpRoot = path.resolve(import.meta.dirname, '../../.tmp');

/** One token per test run, so the shared site is built at most once per run and cleaned up afterwards. */
export default async function setup(project: TestProject) {
  const runToken = `test-run-${randomBytes(4).toString('hex')}`;
  project.provide('runToken', runToken);
  project.provide('canaryKey', `sk-canary-${randomBytes(12).toString('hex')}`);
  return async () => {
    const leftovers = (await readdir(tmpRoot).catch(() => [])).filter((name) => name.startsWith(runToken));
    await Promise.all(leftovers.map((name) => rm(path.join(tmpRoot, name), { recursive: true, force: true })));
  };
}
