import { spawn, type ChildProcess } from 'node:child_process';
import { cp, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { makeSiteCopy } from '../status/site-copy.ts';
import { projectRoot, userEnv } from '../support/site.ts';

/** A throwaway copy of the whole project (content, scripts, shipped imports) for running `npm start`'s pipeline. */
export async function makeProjectCopy(prefix: string) {
  const copy = await makeSiteCopy(projectRoot, prefix);
  await cp(path.join(projectRoot, 'scripts'), path.join(copy.dir, 'scripts'), { recursive: true });
  await cp(path.join(projectRoot, 'evaluation/imports'), path.join(copy.dir, 'evaluation/imports'), { recursive: true });
  return copy;
}

/** Starts `scripts/start.ts` in `dir` as its own process group, collecting everything it prints. */
export function startMainJob(dir: string, args: string[], env: NodeJS.ProcessEnv) {
  const child: ChildProcess = spawn(process.execPath, ['scripts/start.ts', '--config', 'astro.copy.config.mjs', ...args], {
    cwd: dir,
    env: userEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const output = { text: '' };
  child.stdout?.on('data', (chunk) => (output.text += chunk));
  child.stderr?.on('data', (chunk) => (output.text += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output, exited };
}

/** PIDs of live processes in process group `pgid` (read from /proc; zombies excluded). */
export async function processGroupMembers(pgid: number): Promise<number[]> {
  const members: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // Fields after the parenthesised command: state ppid pgrp …
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields[0] !== 'Z' && Number(fields[2]) === pgid) members.push(Number(entry));
  }
  return members;
}

/** Every file under `dir` whose bytes contain any of `needles`, as paths relative to `dir`. */
export async function filesContaining(dir: string, needles: string[]): Promise<string[]> {
  const hits: string[] = [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const bytes = await readFile(file);
    if (needles.some((needle) => bytes.includes(needle))) hits.push(path.relative(dir, file));
  }
  return hits;
}
