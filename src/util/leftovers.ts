import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * What a process leaves behind when it is killed (issue 25 item 13): temp files of atomic writes, the temp
 * CODEX_HOME of a probe, the demo gateway's files, child process groups. Everything registered here is removed
 * (and every group killed) when the process exits or gets SIGINT, SIGTERM or SIGHUP; what a SIGKILL leaves is
 * swept by the next run, which can tell a live owner's folder from a dead one's by the pid written in it.
 */

const paths = new Set<string>();
const groups = new Set<number>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let installed = false;

/** Removes every registered path and kills every registered process group, synchronously (it runs in handlers). */
export function cleanUpNow(): void {
  for (const pgid of groups) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  }
  groups.clear();
  for (const file of paths) rmSync(file, { recursive: true, force: true });
  paths.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  cleanUpNow();
  // When nobody else handles the signal, die of it as the process would have (exit code 128 + n for the shell).
  if (process.listenerCount(signal) === 1) {
    for (const sig of SIGNALS) process.removeListener(sig, onSignal);
    process.kill(process.pid, signal);
  }
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', cleanUpNow);
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

/** Removes `file` (a file or a folder) if the process is stopped before {@link forget} is called for it. */
export function removeOnExit(file: string): void {
  install();
  paths.add(file);
}

/** `file` is finished with (renamed into place, or removed): nothing to do for it at exit. */
export function forget(file: string): void {
  paths.delete(file);
}

/** Kills process group `pgid` if the process is stopped before {@link forgetGroup} is called for it. */
export function killGroupOnExit(pgid: number): void {
  install();
  groups.add(pgid);
}

/** The group has ended. */
export function forgetGroup(pgid: number): void {
  groups.delete(pgid);
}

/** Whether a process with this pid exists (EPERM: it exists but is another user's). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A folder whose name carries no owner (made by a version that named none) is swept only when older than this:
 * its owner may still run (an `npm start` left serving), and a day is longer than any probe or test.
 */
const UNOWNED_STALE_MS = 24 * 60 * 60 * 1000;

/**
 * A fresh temp folder `<tmp>/<prefix><pid>-XXXXXX`, removed at exit or on a signal. The owner's pid is in the name,
 * not in a file, so the folder's content stays exactly what its user puts there (the demo gateway serves its).
 */
export function makeOwnedTempDir(prefix: string, parent = os.tmpdir()): string {
  const dir = mkdtempSync(path.join(parent, `${prefix}${process.pid}-`));
  removeOnExit(dir);
  return dir;
}

/** Removes `<parent>/<prefix>*` folders whose owner is dead (or, with no owner in the name, that are over a day old). */
export function sweepOwnedTempDirs(prefix: string, parent = os.tmpdir(), now = Date.now()): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(parent)) {
    if (!name.startsWith(prefix)) continue;
    const dir = path.join(parent, name);
    const owner = Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1] ?? NaN);
    const stale = Number.isInteger(owner) && owner > 0 ? !isAlive(owner) : now - (statSync(dir, { throwIfNoEntry: false })?.mtimeMs ?? now) > UNOWNED_STALE_MS;
    if (!stale) continue;
    rmSync(dir, { recursive: true, force: true });
    removed.push(dir);
  }
  return removed;
}
