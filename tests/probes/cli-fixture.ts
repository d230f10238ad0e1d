import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { startHttp, tempDir } from './helpers.ts';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const PROBE_SCRIPT = path.join(PROJECT_ROOT, 'scripts/probe.ts');

/** Writes a minimal project (gateway.yaml + one checks file) under `root` for CLI tests. */
export async function writeProject(root: string, baseUrl: string, checksYaml: string): Promise<void> {
  await mkdir(path.join(root, 'content/checks'), { recursive: true });
  await writeFile(
    path.join(root, 'content/gateway.yaml'),
    ['schemaVersion: 1', 'name: litellm', 'environments:', '  demo:', '    label: test', `    baseUrl: ${baseUrl}`, '    keyEnv: LITELLM_API_KEY', '    adminKeyEnv: LITELLM_MASTER_KEY', '    servers: [mcp_postgres, mcp_filesystem]', ''].join('\n'),
  );
  await writeFile(path.join(root, 'content/checks/test.yaml'), checksYaml);
}

/**
 * A scratch CLI project for the calling test file: an HTTP server answering with `handler`, and a project
 * whose gateway points at it with `checks` (one inline YAML mapping each) as its catalog. Made in beforeAll,
 * removed in afterAll; `take` receives the project's directory.
 */
export function useCliProject(prefix: string, handler: Parameters<typeof startHttp>[0], checks: string[], take: (dir: string) => void): void {
  let server: Awaited<ReturnType<typeof startHttp>> | undefined;
  let scratch: Awaited<ReturnType<typeof tempDir>> | undefined;
  beforeAll(async () => {
    scratch = await tempDir(prefix);
    server = await startHttp(handler);
    await writeProject(scratch.dir, server.url, ['checks:', ...checks.map((check) => `  - ${check}`), ''].join('\n'));
    take(scratch.dir);
  });
  afterAll(async () => {
    await server?.close();
    await scratch?.remove();
  });
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Spawns `node scripts/probe.ts …` (Node 24 strips the types) and collects its output; `child` is exposed for kill tests. */
export function spawnProbe(args: string[], options: { cwd: string; env?: Record<string, string>; timeoutMs?: number }): { child: ChildProcess; done: Promise<CliResult>; stdout: () => string } {
  const child = spawn(process.execPath, [PROBE_SCRIPT, ...args], { cwd: options.cwd, env: { ...process.env, CI: '1', ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
  const done = new Promise<CliResult>((resolve) =>
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    }),
  );
  return { child, done, stdout: () => stdout };
}

/** Every file under `dir` (recursively), relative paths. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

/** The concatenated text of every file under `dir`. */
export async function readAll(dir: string): Promise<string> {
  const files = await listFiles(dir);
  return (await Promise.all(files.map((f) => readFile(path.join(dir, f), 'utf8')))).join('\n');
}
