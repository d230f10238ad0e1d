/**
 * The real Codex CLI (`@openai/codex`) on a generated config: a temp `CODEX_HOME` holding only our
 * `config.toml`, the key env var set for the child alone, and always an isolated network namespace.
 */
import { rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { forget, makeOwnedTempDir, sweepOwnedTempDirs } from '../../util/leftovers.ts';
import { runIsolated, type IsolatedResult } from './isolated.ts';

const require = createRequire(import.meta.url);

/** Absolute path of the Codex CLI's JS entry point, run with this Node (not whatever `node` is on PATH). */
export function codexEntry(): string {
  const manifest = require.resolve('@openai/codex/package.json');
  return path.join(path.dirname(manifest), 'bin', 'codex.js');
}

/** Temp CODEX_HOMEs are `<tmp>/proofbook-codex-XXXXXX`. */
export const CODEX_HOME_PREFIX = 'proofbook-codex-';

/** A temp CODEX_HOME with one config file; `dispose` removes it. */
export interface CodexHome {
  dir: string;
  run: (args: readonly string[], options?: { env?: Record<string, string>; timeoutMs?: number; signal?: AbortSignal }) => Promise<IsolatedResult>;
  dispose: () => Promise<void>;
}

/**
 * Creates a CODEX_HOME holding `configToml`. Children get a minimal environment (PATH, HOME,
 * CODEX_HOME plus `env`) so nothing else from the caller's shell, such as another key, leaks in.
 */
export async function createCodexHome(configToml: string): Promise<CodexHome> {
  // Homes of probes that were killed outright are swept here; a stopped probe removes its own (src/util/leftovers.ts).
  sweepOwnedTempDirs(CODEX_HOME_PREFIX);
  const dir = makeOwnedTempDir(CODEX_HOME_PREFIX);
  await writeFile(path.join(dir, 'config.toml'), configToml, 'utf8');
  return {
    dir,
    run: (args, options = {}) =>
      runIsolated([process.execPath, codexEntry(), ...args], {
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, CODEX_HOME: dir, RUST_BACKTRACE: '0', NO_COLOR: '1', ...options.env },
        cwd: dir,
        timeoutMs: options.timeoutMs ?? 60_000,
        ...(options.signal ? { signal: options.signal } : {}),
      }),
    dispose: async () => {
      await rm(dir, { recursive: true, force: true });
      forget(dir);
    },
  };
}
