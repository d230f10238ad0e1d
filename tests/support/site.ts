import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';

export const projectRoot = path.resolve(import.meta.dirname, '../..');
const astroBin = path.join(projectRoot, 'node_modules/astro/bin/astro.mjs');

/**
 * The environment a user's `npm run build` has. Vitest puts NODE_ENV=test and Vite's MODE/DEV/PROD into
 * process.env, and with those Starlight builds a site whose search is replaced by a "production only" notice.
 */
function buildEnv(): NodeJS.ProcessEnv {
  const keep = Object.entries(process.env).filter(([name]) => /^(PATH|HOME|TMPDIR|LANG|LC_.*|TZ|CI|PROOFBOOK_.*)$/.test(name));
  return { ...Object.fromEntries(keep), NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1' };
}

/** Runs `astro build` into `outDir` with Node 24 (the test runner's own node). Resolves with the build log. */
export function buildSiteInto(outDir: string, env: NodeJS.ProcessEnv = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [astroBin, 'build', '--outDir', outDir], {
      cwd: projectRoot,
      env: { ...buildEnv(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (chunk) => (log += chunk));
    child.stderr.on('data', (chunk) => (log += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 300_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(log);
      else reject(new Error(`astro build exited with ${code}:\n${log.slice(-4000)}`));
    });
  });
}

/**
 * The site built once per test run from the repository's own content and evidence.
 * Test files run in parallel workers, so the first caller builds under a mkdir lock and the rest wait.
 */
export async function builtSite(): Promise<string> {
  const outDir = inject('siteOutDir');
  const done = `${outDir}.done`;
  const lock = `${outDir}.lock`;
  for (let waited = 0; waited < 300_000; waited += 250) {
    if (existsSync(done)) {
      const status = await readFile(done, 'utf8');
      if (status !== 'ok') throw new Error(`the shared site build failed:\n${status}`);
      return outDir;
    }
    try {
      await mkdir(lock);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      await sleep(250);
      continue;
    }
    try {
      await buildSiteInto(outDir);
      await writeFile(done, 'ok');
    } catch (error) {
      await writeFile(done, String(error));
      throw error;
    } finally {
      await rm(lock, { recursive: true, force: true });
    }
    return outDir;
  }
  throw new Error('timed out waiting for the shared site build');
}

/** Reads a built page by its site path, e.g. `/runbooks/gateway-routing/`. */
export function readPage(outDir: string, sitePath: string): Promise<string> {
  const file = sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath;
  return readFile(path.join(outDir, file), 'utf8');
}
