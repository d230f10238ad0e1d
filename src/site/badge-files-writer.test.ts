import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { writeBadgeFiles } from './badge-files-writer.ts';

let outDir: string;
beforeEach(async () => {
  outDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'proofbook-badges-')), 'dist');
  await mkdir(outDir);
});
afterEach(() => rm(path.dirname(outDir), { recursive: true, force: true }));

const range = { from: '2026-11-23', to: '2026-11-24', days: 2 };
const day = (pass: number, fail: number) => [pass, 0, fail, 0, 0, 0];
const check = (id: string, state: string, history = 'pp', days = [day(3, 0), day(3, 0)]) => ({ id, state, history, days });
const status = (toolsList: string) => ({ historyRange: range, groups: [{ id: 'mcp', state: toolsList, checks: [check('mcp.tools-list', toolsList, 'pf', [day(3, 0), day(2, 1)]), check('mcp.initialize', 'pass')] }] });

test('a badge per check and per group, saying what status.json says, rewritten by the next build', async () => {
  await writeFile(path.join(outDir, 'status.json'), JSON.stringify(status('pass')));
  expect(await writeBadgeFiles(outDir)).toBe(8);
  expect((await readdir(path.join(outDir, 'badges'))).sort()).toEqual(['group', 'history', 'mcp.initialize.json', 'mcp.initialize.svg', 'mcp.tools-list.json', 'mcp.tools-list.svg']);
  // The 90-day bar /status shows: a cell per day, each with its text when the file is opened on its own.
  const bar = await readFile(path.join(outDir, 'badges/history/mcp.tools-list.svg'), 'utf8');
  expect(bar).toContain('aria-label="mcp.tools-list, 2 days: 1 failures, 1 passing"');
  expect(bar).toContain('<title>2026-11-24: 66.66% up over 3 runs; 1 failure</title>');
  expect(JSON.parse(await readFile(path.join(outDir, 'badges/mcp.tools-list.json'), 'utf8'))).toMatchObject({ label: 'mcp.tools-list', message: 'passing' });
  await writeFile(path.join(outDir, 'status.json'), JSON.stringify(status('fail')));
  await writeBadgeFiles(outDir);
  expect(await readFile(path.join(outDir, 'badges/group/mcp.svg'), 'utf8')).toContain('mcp: failing');
});

test('a catalog of 1,000 checks is written by a process allowed 128 open files', async () => {
  const checks = Array.from({ length: 1000 }, (_, i) => check(`bulk.c${i}`, 'pass'));
  await writeFile(path.join(outDir, 'status.json'), JSON.stringify({ historyRange: range, groups: [{ id: 'bulk', state: 'pass', checks }] }));
  const script = `import { writeBadgeFiles } from ${JSON.stringify(new URL('./badge-files-writer.ts', import.meta.url).href)};\nconsole.log(await writeBadgeFiles(process.env.OUT_DIR));`;
  const env = { ...process.env, OUT_DIR: outDir };
  const run = spawnSync('bash', ['-c', 'ulimit -n 128 && exec "$0" --input-type=module -e "$1"', process.execPath, script], { encoding: 'utf8', env, timeout: 60_000 });
  expect(run.stderr).toBe('');
  expect(run.stdout.trim()).toBe('3002');
  expect(await readdir(path.join(outDir, 'badges'))).toHaveLength(2002); // 2,000 check files, group/ and history/
});
