/**
 * One long-running child program of the real stack: spawned with a scrubbed environment, its output kept in a
 * file in the stack's private temp dir (read back, redacted, only when it fails to start), and stopped with
 * SIGTERM, then SIGKILL, together with every process it spawned.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, closeSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { descendantsOf, isAlive, readProcessTable } from './process-tree.ts';

/** A started program. */
export interface Child {
  name: string;
  pid: number;
  /** The process and everything it spawned, as of now. */
  tree(): number[];
  /** Last lines of its output, with `redact` applied. */
  tail(lines?: number): string;
  exited(): boolean;
  /** SIGTERM the tree, SIGKILL what is left after `graceMs`; resolves to the pids still alive (none, normally). */
  stop(graceMs?: number): Promise<number[]>;
}

export interface SpawnChildOptions {
  name: string;
  command: string;
  args: string[];
  env: Record<string, string>;
  cwd: string;
  /** File the output goes to (inside the private temp dir). */
  logFile: string;
  redact: (text: string) => string;
}

/** Starts a program in its own process group. */
export function spawnChild(options: SpawnChildOptions): Child {
  const fd = openSync(options.logFile, 'a', 0o600);
  let child: ChildProcess;
  try {
    child = spawn(options.command, options.args, { cwd: options.cwd, env: options.env, stdio: ['ignore', fd, fd], detached: true });
  } finally {
    closeSync(fd);
  }
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${options.name}: could not start ${options.command}`);
  let hasExited = false;
  child.once('exit', () => (hasExited = true));
  child.once('error', () => (hasExited = true));
  const known = new Set<number>([pid]);
  const tree = (): number[] => {
    if (!hasExited) for (const descendant of descendantsOf(pid, readProcessTable())) known.add(descendant);
    return [...known].filter(isAlive);
  };
  return {
    name: options.name,
    pid,
    tree,
    exited: () => hasExited,
    tail: (lines = 30) => options.redact(readFileSync(options.logFile, 'utf8')).trimEnd().split('\n').slice(-lines).join('\n'),
    async stop(graceMs = 10_000) {
      const targets = tree();
      const signal = (sig: NodeJS.Signals) => {
        for (const target of targets) {
          try {
            process.kill(target, sig);
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
          }
        }
      };
      signal('SIGTERM');
      const deadline = Date.now() + graceMs;
      while (Date.now() < deadline && targets.some(isAlive)) await sleep(100);
      if (targets.some(isAlive)) signal('SIGKILL');
      await sleep(100);
      return targets.filter(isAlive);
    },
  };
}
