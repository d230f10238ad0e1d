import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A temp dir the first test that needs the built site builds it into (see tests/support/site.ts). */
    siteOutDir: string;
  }
}

/** Gives the whole test run one place for the built site, so it is built at most once per run. */
export default async function setup(project: TestProject) {
  const root = await mkdtemp(path.join(tmpdir(), 'proofbook-site-'));
  project.provide('siteOutDir', path.join(root, 'dist'));
  return async () => {
    await rm(root, { recursive: true, force: true });
  };
}
