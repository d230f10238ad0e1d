import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** Wall time, CPU time and peak RSS of one `astro build`, measured by GNU time (`%M`: max resident set, KiB). */
export interface BuildSample {
  wallMs: number;
  /** User + system CPU of the build and the processes it waited for (Pagefind's too), over all threads. */
  cpuMs: number;
  peakRssMiB: number;
}

/** Runs `astro build` in `cwd` under `/usr/bin/time -f '%M %U %S'`; `cold` removes dist and caches first. */
export async function timedBuild(cwd: string, binDir: string, options: { cold: boolean; config?: string; timeoutMs?: number }): Promise<BuildSample> {
  if (options.cold) for (const dir of ['dist', '.cache', '.astro']) await rm(path.join(cwd, dir), { recursive: true, force: true });
  const timeFile = path.join(os.tmpdir(), `bench-time-${process.pid}-${Date.now()}`);
  const args = ['-o', timeFile, '-f', '%M %U %S', path.join(binDir, 'astro'), 'build', ...(options.config ? ['--config', options.config] : [])];
  const env = { ...process.env, PATH: `${binDir}:${process.env.PATH}`, ASTRO_TELEMETRY_DISABLED: '1' };
  const started = process.hrtime.bigint();
  const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn('/usr/bin/time', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 900_000);
    child.on('error', reject);
    child.on('close', (exit) => {
      clearTimeout(timer);
      resolve({ code: exit, output });
    });
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (code !== 0) throw new Error(`astro build failed in ${cwd} (exit ${code}):\n${output.slice(-3000)}`);
  const [rssKiB, userS, systemS] = ((await readFile(timeFile, 'utf8')).trim().split('\n').at(-1) ?? '').split(' ').map(Number);
  await rm(timeFile, { force: true });
  if (![rssKiB, userS, systemS].every(Number.isFinite)) throw new Error(`GNU time wrote no '%M %U %S' line for the build in ${cwd}`);
  return { wallMs, cpuMs: (userS! + systemS!) * 1000, peakRssMiB: rssKiB! / 1024 };
}

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * What creating one empty file costs in `dir` now, in ms (200 files in a new directory there, then removed). On
 * the development machine's ext4 this moved between ~0.03 and ~0.8 ms with the place and the moment, and every
 * build creates files (the project ~425 more than the plain site: its badges), so the bench prints it.
 */
export function fileCreationMs(dir: string, files = 200): number {
  const scratch = mkdtempSync(path.join(dir, '.file-cost-'));
  const started = performance.now();
  for (let i = 0; i < files; i++) closeSync(openSync(path.join(scratch, String(i)), 'w'));
  const elapsed = performance.now() - started;
  rmSync(scratch, { recursive: true, force: true });
  return elapsed / files;
}
