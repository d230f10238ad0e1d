// Issue 25 item 13: a killed ingest left `.summary.json.*.tmp` files that were never swept; a killed probe left its
// `proofbook-codex-*` folder, a killed demo gateway its `proofbook-demo-fs-*` folder. A stopped process now cleans
// up on SIGINT/SIGTERM/SIGHUP, and the next run sweeps what a SIGKILL left (the owner's pid tells dead from alive).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { createDemoFilesystem } from '../../src/demo-gateway/demo-files.ts';
import { createCodexHome } from '../../src/probes/codex-cli/run-codex.ts';
import { makeRun, useTempEvaluation, writeRunFile } from '../support/evidence-fixtures.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const RUN = '20260301T100000Z-sandbox-0001';
let root: string;
let evaluationDir: string;
useTempEvaluation((temp) => ({ root, evaluationDir } = temp));

/** A pid that belonged to a process that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

test('ingest sweeps temp files of atomic writes whose writer is dead, and leaves a live writer\'s', async () => {
  await writeRunFile(evaluationDir, makeRun({ runId: RUN, at: '2026-03-01T10:00:00Z' }));
  await mkdir(path.join(evaluationDir, 'history'));
  const dead = deadPid();
  const stale = [`history/.2026-03-01.json.${dead}.12345678.tmp`, `runs/${RUN}/.summary.json.${dead}.0badc0de.tmp`];
  const live = `runs/${RUN}/.summary.json.${process.pid}.aaaabbbb.tmp`;
  for (const rel of [...stale, live]) writeFileSync(path.join(evaluationDir, rel), '{"half":');
  const { stdout } = await promisify(execFile)(process.execPath, ['scripts/ingest.ts', '--evaluation-dir', evaluationDir], { cwd: repo });
  expect(stdout).toContain(`leftovers of killed writes removed: ${stale.join(', ')}`);
  for (const rel of stale) expect(existsSync(path.join(evaluationDir, rel)), rel).toBe(false);
  expect(existsSync(path.join(evaluationDir, live))).toBe(true);
});

/** Runs `body` (a module's text) in a child Node, waits for it to print a line, sends `signal`; resolves to that line and how it ended. */
async function stopChild(body: string, signal: NodeJS.Signals): Promise<{ line: string; code: number | null; signal: NodeJS.Signals | null }> {
  const script = path.join(root, `child-${signal}.mjs`);
  writeFileSync(script, body);
  const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve) => child.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())));
  child.kill(signal);
  const ended = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('close', (code, sig) => resolve({ code, signal: sig })));
  return { line, ...ended };
}

const src = (file: string) => pathToFileURL(path.join(repo, 'src', file)).href;

test('an atomic write interrupted by SIGINT removes its temp file, and the process still dies of SIGINT', async () => {
  const target = path.join(evaluationDir, 'history', '2026-03-01.json');
  const { line, signal } = await stopChild(
    `import * as fs from 'node:fs/promises';
     import { writeFileAtomic } from ${JSON.stringify(src('evidence/store.ts'))};
     // The flush never finishes: the temp file is written and waits for its fsync when the signal comes.
     const stuck = { ...fs, open: async () => { const dir = ${JSON.stringify(path.dirname(target))}; console.log((await fs.readdir(dir)).join(',')); return new Promise(() => {}); } };
     void writeFileAtomic(${JSON.stringify(target)}, '{"ok":true}', stuck);
     setInterval(() => {}, 1000);`,
    'SIGINT',
  );
  expect(line).toMatch(/^\.2026-03-01\.json\.\d+\.[0-9a-f]{8}\.tmp$/);
  expect(signal).toBe('SIGINT');
  expect(await readdir(path.dirname(target))).toEqual([]);
});

test('a probe stopped by SIGTERM removes its temp CODEX_HOME; one killed outright is swept by the next', async () => {
  const { line, signal } = await stopChild(
    `import { createCodexHome } from ${JSON.stringify(src('probes/codex-cli/run-codex.ts'))};
     const home = await createCodexHome('# test');
     console.log(home.dir);
     setInterval(() => {}, 1000);`,
    'SIGTERM',
  );
  expect(path.basename(line)).toMatch(/^proofbook-codex-\d+-/);
  expect(signal).toBe('SIGTERM');
  expect(existsSync(line)).toBe(false);

  const killed = path.join(os.tmpdir(), `proofbook-codex-${deadPid()}-AbC123`);
  mkdirSync(killed);
  const home = await createCodexHome('# test');
  try {
    expect(existsSync(killed)).toBe(false);
    expect(existsSync(home.dir)).toBe(true); // a live owner's folder stays
  } finally {
    await home.dispose();
  }
  expect(existsSync(home.dir)).toBe(false);
});

test("a demo gateway's temp folder left by a killed one is swept by the next, and its own content is unchanged", async () => {
  const killed = path.join(os.tmpdir(), `proofbook-demo-fs-${deadPid()}-XyZ789`);
  mkdirSync(killed);
  const demo = await createDemoFilesystem();
  try {
    expect(existsSync(killed)).toBe(false);
    expect((await readdir(demo.root)).sort()).toEqual(['README.md', 'notes']);
  } finally {
    await demo.remove();
  }
  expect(existsSync(demo.root)).toBe(false);
});
