import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { redactText, type SecretValue } from '../evidence/redact.ts';
import type { RunbookBlockObservation } from '../schemas/observation.ts';

/**
 * Executes one runbook block (the I/O edge of src/runbooks/): `bash -euo pipefail` in a fresh temporary home, with
 * only the environment it is given, its own process group (so a timeout kills everything it started), and bounded
 * output. Output is redacted before it is capped, so a cut can never leave part of a secret behind.
 */

/** Bytes of output kept in a record (and shown under the block). */
export const DEFAULT_OUTPUT_LIMIT = 16 * 1024;
/** Bytes read from a block before reading stops; well past the limit, so a secret cut at this edge is cut off again. */
const CAPTURE_LIMIT = 1024 * 1024;
/** Time between SIGTERM and SIGKILL to a timed-out block's process group. */
const KILL_GRACE_MS = 1000;
/** Time the pipe may stay open after bash exits (a background job holding it) before it is closed. */
const DRAIN_MS = 200;

export interface BlockRunOptions {
  code: string;
  timeoutMs: number;
  /** The whole environment of the block (see block-env.ts); nothing of the runner's own is added. */
  env: Record<string, string>;
  /** The block's `$HOME` is made under this folder (default: the OS temp folder). */
  tempRoot?: string;
  secrets: readonly SecretValue[];
  /** Base URL the block runs against, kept on the observation for scrubbing. */
  baseUrl: string;
  /** Env var names the block was meant to get but that were unset. */
  missingEnv?: string[];
  outputLimit?: number;
  now?: () => number;
}

/** Sends `signal` to the process group led by `pid`; a group that is already gone is fine. */
function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** Cuts `text` to at most `limit` bytes of UTF-8 without splitting a character. */
export function capUtf8(text: string, limit: number): { text: string; truncated: boolean } {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= limit) return { text, truncated: false };
  let end = limit;
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--; // back off a continuation byte
  return { text: bytes.subarray(0, end).toString('utf8'), truncated: true };
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  error?: Error;
}

/** Runs bash with stderr joined to stdout, in order; resolves when bash has exited and the pipe is drained. */
function runBash(code: string, options: BlockRunOptions, home: string, sink: (chunk: Buffer) => void): Promise<Exit> {
  return new Promise((resolve) => {
    // The outer bash joins stderr to stdout on one pipe, then becomes the block's `bash -euo pipefail -c`.
    const child = spawn('bash', ['-c', 'exec 2>&1; exec bash -euo pipefail -c "$1"', 'bash', code], {
      cwd: home,
      env: options.env,
      stdio: ['ignore', 'pipe', 'ignore'],
      detached: true,
    });
    let timedOut = false;
    let settled = false;
    const timers: NodeJS.Timeout[] = [];
    const finish = (exit: Exit) => {
      if (settled) return;
      settled = true;
      for (const timer of timers) clearTimeout(timer);
      if (child.pid) killGroup(child.pid, 'SIGKILL'); // whatever it left running in the background
      timers.push(setTimeout(() => child.stdout?.destroy(), DRAIN_MS));
      const done = () => resolve(exit);
      if (!child.stdout || child.stdout.readableEnded || child.stdout.destroyed) done();
      else child.stdout.once('close', done);
    };
    child.stdout?.on('data', sink);
    child.once('error', (error) => finish({ code: null, signal: null, timedOut: false, error }));
    child.once('exit', (exitCode, signal) => finish({ code: exitCode, signal, timedOut }));
    timers.push(
      setTimeout(() => {
        timedOut = true;
        if (child.pid) killGroup(child.pid, 'SIGTERM');
        timers.push(setTimeout(() => child.pid && killGroup(child.pid, 'SIGKILL'), KILL_GRACE_MS));
      }, options.timeoutMs),
    );
  });
}

/** Executes a block and returns what was seen. Never throws for a failing block: a failure is data. */
export async function runBlock(options: BlockRunOptions): Promise<RunbookBlockObservation> {
  const now = options.now ?? (() => performance.now());
  const root = await mkdtemp(path.join(options.tempRoot ?? os.tmpdir(), 'proofbook-block-'));
  const home = path.join(root, 'home');
  await mkdir(home);
  const chunks: Buffer[] = [];
  let captured = 0;
  let total = 0;
  const start = now();
  try {
    const exit = await runBash(options.code, { ...options, env: { ...options.env, HOME: home } }, home, (chunk) => {
      total += chunk.length;
      if (captured >= CAPTURE_LIMIT) return;
      const kept = chunk.subarray(0, CAPTURE_LIMIT - captured);
      chunks.push(kept);
      captured += kept.length;
    });
    const latencyMs = now() - start;
    const raw = Buffer.concat(chunks).toString('utf8').replace(/\r\n/g, '\n');
    const redacted = redactText(raw, options.secrets).split(root).join('<tmp>');
    const capped = capUtf8(redacted, options.outputLimit ?? DEFAULT_OUTPUT_LIMIT);
    const failure = exit.error
      ? { failureClass: 'command_not_found' as const, message: `could not start bash: ${exit.error.message}` }
      : exit.timedOut
        ? { failureClass: 'timeout' as const, message: `killed after ${options.timeoutMs} ms (the block's timeout)` }
        : null;
    return {
      kind: 'runbook-block',
      failure,
      latencyMs,
      transcript: [],
      exitCode: exit.timedOut ? null : exit.code,
      signal: exit.signal,
      timedOut: exit.timedOut,
      output: capped.text,
      outputBytes: total,
      truncated: capped.truncated || total > captured,
      baseUrl: options.baseUrl,
      missingEnv: options.missingEnv ?? [],
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
