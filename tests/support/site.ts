import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';

export const projectRoot = path.resolve(import.meta.dirname, '../..');

/**
 * The environment a user's `npm start` has. Vitest puts NODE_ENV=test and Vite's MODE/DEV/PROD into
 * process.env, and with those Starlight builds a site whose search is replaced by a "production only" notice.
 */
export function userEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const keep = Object.entries(process.env).filter(([name]) => /^(PATH|HOME|TMPDIR|LANG|LC_.*|TZ|CI|PROOFBOOK_TEST_.*)$/.test(name));
  return { ...Object.fromEntries(keep), NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}

/** A finished run of the main job (`npm start --no-serve`) in a throwaway copy of the project. */
export interface BuiltProject {
  /** The copy's root: its `evaluation/` holds the run, its `dist/` the site. */
  dir: string;
  outDir: string;
  /** Everything the main job printed. */
  output: string;
  /** The key the demo gateway accepted (a canary: it must appear nowhere). */
  key: string;
}

/** Runs `node <args>` in `cwd`; resolves with the exit code and the combined output. */
export function runNode(args: string[], cwd: string, env: NodeJS.ProcessEnv, timeoutMs = 300_000): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

async function runMainJobOnce(): Promise<BuiltProject> {
  const { makeProjectCopy } = await import('../e2e/pipeline.ts');
  const copy = await makeProjectCopy(`${inject('runToken')}-site-`);
  const key = inject('canaryKey');
  const { code, output } = await runNode(['scripts/start.ts', '--no-serve', '--config', 'astro.copy.config.mjs'], copy.dir, userEnv({ LITELLM_API_KEY: key }));
  if (code !== 0) throw new Error(`npm start --no-serve exited with ${code}:\n${output.slice(-4000)}`);
  return { dir: copy.dir, outDir: path.join(copy.dir, 'dist'), output, key };
}

/**
 * The project after one run of the main job against the demo gateway: a real run in evaluation/, the shipped
 * imports, and the built site. Made once per test run; test files run in parallel workers, so the first caller
 * builds under a mkdir lock and the others wait and read the result.
 */
export async function builtProject(): Promise<BuiltProject> {
  const base = path.join(projectRoot, '.tmp', `${inject('runToken')}-main-job`);
  const done = `${base}.json`;
  const lock = `${base}.lock`;
  await mkdir(path.dirname(base), { recursive: true });
  for (let waited = 0; waited < 400_000; waited += 250) {
    if (existsSync(done)) {
      const result = JSON.parse(await readFile(done, 'utf8')) as BuiltProject | { error: string };
      if ('error' in result) throw new Error(`the shared main-job run failed:\n${result.error}`);
      return result;
    }
    try {
      await mkdir(lock);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      await sleep(250);
      continue;
    }
    try {
      const result = await runMainJobOnce();
      await writeFile(done, JSON.stringify(result));
      return result;
    } catch (error) {
      await writeFile(done, JSON.stringify({ error: String(error) }));
      throw error;
    } finally {
      await rm(lock, { recursive: true, force: true });
    }
  }
  throw new Error('timed out waiting for the shared main-job run');
}

/** The built site's folder (see {@link builtProject}). */
export async function builtSite(): Promise<string> {
  return (await builtProject()).outDir;
}

/** Reads a built page by its site path, e.g. `/runbooks/gateway-routing/`. */
export function readPage(outDir: string, sitePath: string): Promise<string> {
  const file = sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath;
  return readFile(path.join(outDir, file), 'utf8');
}
