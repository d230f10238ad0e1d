// Issue 25 items 7 and 11: `npm run ingest` on an evaluation/ full of what a careless user (or an attacker) leaves
// there. Each bad entry is named with its reason; nothing ends in a stack trace; the exit codes stay as the README
// documents them (0, or 1 under --strict when anything is unparseable or invalid).
import { execFile } from 'node:child_process';
import { cp, mkdir, open, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeEach, expect, test } from 'vitest';
import { makeRun, useTempEvaluation, writeRunFile } from '../support/evidence-fixtures.ts';

const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '../..');
const RUN = '20260301T100000Z-sandbox-0001';

let evaluationDir: string;
useTempEvaluation((temp) => ({ evaluationDir } = temp));

async function ingest(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['scripts/ingest.ts', '--evaluation-dir', evaluationDir, ...args], { cwd: repo, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A sparse file of `bytes` (no disk used), as a 3 GB capture copied in by mistake. */
async function sparseFile(file: string, bytes: number): Promise<void> {
  const handle = await open(file, 'w');
  await handle.truncate(bytes);
  await handle.close();
}

const ALIAS_BOMB = ['a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]', 'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]', ''].join('\n');

beforeEach(async () => {
  const imports = path.join(evaluationDir, 'imports');
  await writeRunFile(evaluationDir, makeRun({ runId: RUN, at: '2026-03-01T10:00:00Z', verdicts: { 'mcp.tools-list': 'pass' } }));
  // A run folder copied under another name: its run.json still says RUN.
  await cp(path.join(evaluationDir, 'runs', RUN), path.join(evaluationDir, 'runs', `${RUN}-copy`), { recursive: true });
  await writeFile(path.join(evaluationDir, 'runs', 'notes.txt'), 'a stray file\n');
  await mkdir(path.join(evaluationDir, 'runs', '20260301T120000Z-sandbox-empty'));
  await mkdir(path.join(evaluationDir, 'history/2026-02-01.json'), { recursive: true });
  await mkdir(path.join(evaluationDir, 'runs', '20260301T130000Z-sandbox-0003', 'run.json'), { recursive: true });
  await writeFile(path.join(imports, 'curl-ok.txt'), 'HTTP/1.1 200 OK\ncontent-type: application/json\n\n{}\n');
  await mkdir(path.join(imports, 'curl-ok.txt.meta.yaml'));
  await mkdir(path.join(imports, 'folder-named-curl.txt'));
  await writeFile(path.join(imports, 'bomb-curl.txt'), 'HTTP/1.1 200 OK\n\n{}\n');
  await writeFile(path.join(imports, 'bomb-curl.txt.meta.yaml'), ALIAS_BOMB);
  await sparseFile(path.join(imports, 'huge-curl.txt'), 3 * 1024 ** 3);
  await sparseFile(path.join(imports, 'big-curl.txt'), 600 * 1024 ** 2);
});

test('every bad entry is reported with its path and reason, no stack trace, exit 0; --strict exits 1', async () => {
  const { code, stdout, stderr } = await ingest();
  expect(stderr).toBe('');
  expect(code).toBe(0);
  expect(stdout).not.toMatch(/^\s+at /m);
  const lines = stdout.split('\n');
  const about = (needle: string) => lines.filter((line) => line.includes(needle)).join('\n');
  expect(stdout).toContain('runs: 1 valid (1 records), 4 invalid');
  expect(about('runs/notes.txt')).toContain('a stray file in runs/ (skipped)');
  expect(stdout).toMatch(/evaluation\/runs\/20260301T120000Z-sandbox-empty\/run\.json → \(root\): not found \(ENOENT\)/);
  expect(stdout).toMatch(/evaluation\/runs\/20260301T130000Z-sandbox-0003\/run\.json → \(root\): is a folder \(or another special file\), not a file/);
  expect(stdout).toMatch(new RegExp(`runs/${RUN}-copy/run\\.json → runId: the run is "${RUN}" but its folder is runs/${RUN}-copy/; a copied or renamed run is not counted`));
  expect(about('history/2026-02-01.json')).toContain('named like a daily history file but is not a file (skipped)');
  expect(about('imports/curl-ok.txt:')).toContain('curl-ok.txt.meta.yaml is a folder (or another special file), not a file');
  expect(about('imports/bomb-curl.txt')).toMatch(/bomb-curl\.txt:2: imports\/bomb-curl\.txt\.meta\.yaml: YAML aliases expand too far/);
  expect(about('imports/huge-curl.txt')).toContain('huge-curl.txt is 3221225472 bytes, over the 33554432-byte limit for import');
  expect(about('imports/big-curl.txt')).toContain('big-curl.txt is 629145600 bytes, over the 33554432-byte limit for import');
  expect(stdout).not.toContain('folder-named-curl.txt'); // a folder is walked, not read: it holds no files
  // The copy is not counted: the day's history has the one run.
  expect(JSON.parse(await readFile(path.join(evaluationDir, 'history/2026-03-01.json'), 'utf8'))).toMatchObject({ runCount: 1 });

  const strict = await ingest('--strict');
  expect(strict.code).toBe(1);
  expect(strict.stderr).toBe('ingest --strict: unparseable or invalid evidence (listed above)\n');
}, 120_000);
