/**
 * Runs a program inside a fresh, loopback-only network namespace (`unshare -n`, then `lo` up).
 * Codex reaches out on its own (update checks, provider reachability in `codex doctor`); in a
 * namespace with only loopback it cannot, and whatever it tries fails fast and locally.
 * Needs root or CAP_SYS_ADMIN; nested namespaces work for root, so this also runs inside CI's own.
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { forgetGroup, killGroupOnExit } from '../../util/leftovers.ts';

/** What an isolated child did. */
export interface IsolatedResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Thrown when the namespace cannot be created: isolation is a requirement, never silently skipped. */
export class IsolationUnavailableError extends Error {
  constructor(detail: string) {
    super(`cannot create a loopback-only network namespace (unshare -n): ${detail.trim()}\nhint: run as root (or with CAP_SYS_ADMIN) on Linux with util-linux "unshare" and iproute2 "ip" installed`);
    this.name = 'IsolationUnavailableError';
  }
}

/** Marker the wrapper prints to stderr when the namespace setup itself failed. */
const SETUP_FAILED = 'proofbook-isolation-failed';

/**
 * True when this process already sits in a namespace with nothing but loopback (verify-client re-executes
 * itself that way, with the demo gateway inside). Then children run as they are and can reach that gateway.
 */
export function isLoopbackOnly(interfaces = os.networkInterfaces()): boolean {
  return Object.values(interfaces).every((addresses) => (addresses ?? []).every((address) => address.internal));
}

/** The resolver settings of an isolated child: every name lookup fails at once (see the file's own comment). */
export const LOOPBACK_RESOLV_CONF = fileURLToPath(new URL('./loopback-resolv.conf', import.meta.url));

// Mounted over /etc/resolv.conf in a private mount namespace (the host's file is untouched). Best effort: where
// it cannot be mounted, lookups still fail, only after the resolver's own timeout.
const MOUNT_RESOLV = 'mount --bind "$1" /etc/resolv.conf 2>/dev/null; shift';

/**
 * The argv that runs `argv` in a new loopback-only network namespace. Already in one (as root), it stays in that
 * network namespace, so it can reach what was started there, and only gets the fast-failing resolver.
 */
export function isolatedArgv(argv: readonly string[], alreadyIsolated = isLoopbackOnly(), isRoot = process.getuid?.() === 0): string[] {
  if (alreadyIsolated) return isRoot ? ['unshare', '-m', 'sh', '-c', `${MOUNT_RESOLV}; exec "$@"`, 'sh', LOOPBACK_RESOLV_CONF, ...argv] : [...argv];
  return ['unshare', '-n', '-m', 'sh', '-c', `${MOUNT_RESOLV}; ip link set lo up || { echo ${SETUP_FAILED} >&2; exit 125; }; exec "$@"`, 'sh', LOOPBACK_RESOLV_CONF, ...argv];
}

/** Output kept per stream: Codex prints a few KB; more is not read into memory. */
const MAX_OUTPUT_CHARS = 1024 * 1024;

/**
 * Runs `argv` isolated, bounded by `timeoutMs` and by `signal` (either kills its whole process group with SIGKILL:
 * Codex's Node wrapper starts a native child that would outlive it), capturing output. The group is killed too
 * when this process is stopped (src/util/leftovers.ts).
 */
export function runIsolated(argv: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs: number; signal?: AbortSignal }): Promise<IsolatedResult> {
  const [command, ...args] = isolatedArgv(argv);
  return new Promise((resolve, reject) => {
    const child = spawn(command!, args, { env: options.env ?? process.env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const pgid = child.pid;
    if (pgid !== undefined) killGroupOnExit(pgid);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout = (stdout + chunk).slice(0, MAX_OUTPUT_CHARS)));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(0, MAX_OUTPUT_CHARS)));
    const kill = () => {
      try {
        if (pgid !== undefined) process.kill(-pgid, 'SIGKILL');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ESRCH') child.kill('SIGKILL');
      }
    };
    const timer = setTimeout(kill, options.timeoutMs);
    if (options.signal?.aborted) kill();
    options.signal?.addEventListener('abort', kill, { once: true });
    const done = () => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', kill);
      if (pgid !== undefined) forgetGroup(pgid);
    };
    child.once('error', (error) => {
      done();
      reject(new IsolationUnavailableError(error.message));
    });
    child.once('close', (code, signal) => {
      done();
      if (stderr.includes(SETUP_FAILED) || /^unshare: /m.test(stderr)) reject(new IsolationUnavailableError(stderr));
      else resolve({ code, signal, stdout, stderr });
    });
  });
}
