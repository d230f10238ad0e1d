import { execFile } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { makeRun, makeTempEvaluation, writeRunFile } from '../support/evidence-fixtures.ts';

const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '../..');
let root: string;
let evaluationDir: string;

beforeEach(async () => {
  ({ root, evaluationDir } = await makeTempEvaluation());
  await writeRunFile(evaluationDir, makeRun({ runId: '20260301T100000Z-sandbox-0001', at: '2026-03-01T10:00:00Z', verdicts: { 'mcp.tools-list': 'pass' } }));
  const bad = makeRun({ runId: '20260301T101000Z-sandbox-0002', at: '2026-03-01T10:10:00Z', verdicts: { 'mcp.tools-list': 'pass' } });
  delete (bad as Partial<typeof bad>).baseUrl;
  await writeRunFile(evaluationDir, bad);
  await writeFile(path.join(evaluationDir, 'imports', 'notes.txt'), 'nothing to see\n');
  await writeFile(path.join(evaluationDir, 'imports', 'codex.txt'), 'Name  Url  Has Bearer Token\ngw    https://gw/mcp/  True\n');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function ingest(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['scripts/ingest.ts', '--evaluation-dir', evaluationDir, ...args], { cwd: repo, timeout: 30_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

test('reports counts per kind and every bad file with file:line; exit 0 without --strict', async () => {
  const { code, stdout } = await ingest();
  expect(code).toBe(0);
  expect(stdout).toContain('runs: 1 valid (1 records), 1 invalid');
  expect(stdout).toContain('  codex-mcp-list: 1\n  unknown: 1 (1 unparseable)');
  expect(stdout).toMatch(/evaluation\/imports\/notes\.txt:1: no parser recognises this file/);
  expect(stdout).toMatch(/evaluation\/runs\/20260301T101000Z-sandbox-0002\/run\.json:1 → baseUrl: Invalid input/);
  expect(stdout).toContain('history: 1 days written');
  expect(JSON.parse(await readFile(path.join(evaluationDir, 'history/2026-03-01.json'), 'utf8'))).toMatchObject({ runCount: 1 });
});

test('--strict --json exits 1 when anything is unparseable or invalid', async () => {
  const { code, stdout } = await ingest('--strict', '--json');
  expect(code).toBe(1);
  const report = JSON.parse(stdout);
  expect(report).toMatchObject({ runs: { valid: 1, invalid: 1 }, unparseable: [{ file: 'evaluation/imports/notes.txt', line: 1 }] });
});

test('compact refuses a bad --raw-days with a usage line (exit 2) and compacts with a valid one', async () => {
  const bad = await run(process.execPath, ['scripts/compact.ts', '--raw-days', '0', '--evaluation-dir', evaluationDir], { cwd: repo, timeout: 30_000 }).catch((e: { code: number; stderr: string }) => e);
  expect(bad).toMatchObject({ code: 2, stderr: expect.stringContaining('compact: --raw-days N is required (N ≥ 1 whole days)') });
  expect((bad as { stderr: string }).stderr).toMatch(/^usage: npm run compact -- \[options\]\n[\s\S]*--raw-days <N>/m);
  await ingest();
  const { stdout } = await run(process.execPath, ['scripts/compact.ts', '--raw-days', '7', '--json', '--evaluation-dir', evaluationDir], { cwd: repo, timeout: 30_000 });
  // The invalid run keeps its whole day raw; nothing is deleted.
  expect(JSON.parse(stdout)).toMatchObject({ deletedRuns: [], keptDays: [{ date: '2026-03-01' }] });
});
