/**
 * `npm run real-stack -- --check` end to end, with a random master key as a canary: the command runs the probe
 * suite against the real stack, exits with the probe's code, leaves no process behind, and the key appears in none
 * of its output and none of the evidence it wrote. Fails (never skips) when the real stack is not installed.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { descendantsOf, readProcessTable } from '../../src/real-stack/process-tree.ts';
import { newKey, requireRealStack, ROOT } from './support.ts';

let evaluationDir = '';
afterAll(async () => {
  if (evaluationDir) await rm(evaluationDir, { recursive: true, force: true });
});

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

test('--check probes the real stack, stops everything, and never lets the key out', async () => {
  requireRealStack();
  evaluationDir = await mkdtemp(path.join(os.tmpdir(), 'proofbook-real-stack-eval-'));
  const key = newKey();
  const before = new Set(readProcessTable().map((row) => row.pid));
  const only = ['health.readiness', 'routing.status-route', 'mcp.tools-list', 'routing.auth-matrix'];
  const child = spawn(process.execPath, ['scripts/real-stack.ts', '--check', '--origin', 'ci', '--evaluation-dir', evaluationDir, ...only.flatMap((id) => ['--only', id])], {
    cwd: ROOT,
    env: { ...process.env, LITELLM_MASTER_KEY: key, LITELLM_API_KEY: '', PROOFBOOK_REAL_STACK_POSTGRES_URL: process.env.PROOFBOOK_TEST_POSTGRES_URL ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));

  expect(output).toMatch(/LiteLLM 1\.\d+\.\d+ behind Traefik 3\.\d+\.\d+/);
  // routing.auth-matrix fails on the real stack (no database) and is baselined: the probe exits 0.
  expect(output).toMatch(/4 checks against real-stack from ci in \d+ ms: 3 pass, 1 expected-fail/);
  expect(code).toBe(0);
  expect(output).toContain('none left');
  const files = await filesUnder(evaluationDir);
  const runJson = files.find((file) => file.endsWith('run.json'));
  expect(JSON.parse(await readFile(runJson!, 'utf8')).gateway).toMatchObject({ litellmVersion: expect.any(String), traefikVersion: expect.any(String) });
  for (const file of files) expect(await readFile(file, 'utf8'), file).not.toContain(key);
  expect(output).not.toContain(key);
  // Nothing it started is left: no new process of this checkout runs the venv's programs or the MCP servers. The
  // other test files' MCP servers (the demo gateway's) live under the test runner; a leftover of the stack would
  // have been handed to init, so the runner's own descendants are not counted.
  const table = readProcessTable();
  const runners = new Set([process.ppid, ...descendantsOf(process.ppid, table)]);
  const leftovers = table.filter((row) => !before.has(row.pid) && !runners.has(row.pid)).map((row) => row.pid).filter((pid) => {
    let cmd = '';
    try {
      cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      // Exited while we looked: not a leftover.
    }
    return cmd.includes(ROOT) && (cmd.includes(path.join(ROOT, '.venv')) || cmd.includes('server-filesystem') || cmd.includes('server-postgres'));
  });
  expect(leftovers).toEqual([]);
}, 240_000);
