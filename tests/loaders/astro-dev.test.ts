import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { writeRun } from '../../src/evidence/store.ts';
import { makeRun, makeTempEvaluation, writeRunFile } from '../support/evidence-fixtures.ts';
import { freePort } from '../../src/util/free-port.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const project = path.join(import.meta.dirname, 'fixtures/dev-project');
let root: string;
let evaluationDir: string;
let dev: ChildProcess | undefined;
let baseUrl: string;
let output = '';

async function page(): Promise<string> {
  const response = await fetch(`${baseUrl}/runs`, { signal: AbortSignal.timeout(10_000) });
  return response.text();
}

/** Polls the page until `predicate` holds or `ms` pass; returns the last body. */
async function waitForPage(predicate: (html: string) => boolean, ms: number): Promise<string> {
  const deadline = Date.now() + ms;
  let html = '';
  while (Date.now() < deadline) {
    html = await page().catch((error: Error) => `fetch failed: ${error.message}`);
    if (predicate(html)) return html;
    await new Promise((r) => setTimeout(r, 250));
  }
  return html;
}

beforeAll(async () => {
  ({ root, evaluationDir } = await makeTempEvaluation());
  await writeRunFile(evaluationDir, makeRun({ runId: '20260301T100000Z-sandbox-aaaa', verdicts: { 'mcp.tools-list': 'pass' } }));
  await writeFile(path.join(evaluationDir, 'imports', 'notes.txt'), 'not a log\n');
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  dev = spawn(path.join(repo, 'node_modules/.bin/astro'), ['dev', '--root', project, '--host', '127.0.0.1', '--port', String(port)], {
    cwd: repo,
    // A clean env: vitest's own variables (VITEST, NODE_ENV=test, …) change how astro dev serves pages.
    env: { HOME: process.env.HOME, ASTRO_TELEMETRY_DISABLED: '1', PROOFBOOK_EVALUATION_DIR: evaluationDir, PATH: `${path.join(repo, 'node_modules/.bin')}:${process.env.PATH}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  dev.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  dev.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const html = await waitForPage((h) => h.includes('20260301T100000Z-sandbox-aaaa'), 60_000);
  if (!html.includes('20260301T100000Z-sandbox-aaaa')) throw new Error(`astro dev did not serve /runs:\n${html.slice(0, 500)}\n${output}`);
}, 90_000);

afterAll(async () => {
  dev?.kill('SIGTERM');
  await new Promise((resolve) => (dev && dev.exitCode === null ? dev.once('exit', resolve) : resolve(undefined)));
  await rm(root, { recursive: true, force: true });
  await rm(path.join(project, '.astro'), { recursive: true, force: true });
  await rm(path.join(project, 'node_modules'), { recursive: true, force: true });
});

test('a run written while `astro dev` runs appears without a restart, summarised, and nothing is written to evaluation/', async () => {
  expect(await page()).toContain('imports/notes.txt unparseable');
  // Written the way the probe stage writes runs: a temp dir renamed into place.
  await writeRun(evaluationDir, makeRun({ runId: '20260301T100500Z-sandbox-bbbb', verdicts: { 'mcp.tools-list': 'fail' } }));
  const html = await waitForPage((h) => h.includes('20260301T100500Z-sandbox-bbbb'), 20_000);
  expect(html).toContain('20260301T100500Z-sandbox-bbbb records=1 fail=1');
  expect(html).toContain('20260301T100000Z-sandbox-aaaa records=1 fail=0');
  // Only `npm run ingest` and `npm run compact` write daily history.
  expect((await readdir(evaluationDir)).sort()).toEqual(['imports', 'runs']);
  expect(output).toMatch(/Reloaded runs\/20260301T100500Z-sandbox-bbbb\/run\.json/);
}, 30_000);

test('a bad run file is logged with file and field and does not break the server', async () => {
  const bad = makeRun({ runId: '20260301T101000Z-sandbox-0bad', verdicts: { 'mcp.tools-list': 'pass' } });
  (bad as Record<string, unknown>).schemaVersion = 2;
  await writeRunFile(evaluationDir, bad);
  const deadline = Date.now() + 15_000;
  while (!output.includes('0bad/run.json') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  expect(output).toMatch(/evaluation\/runs\/20260301T101000Z-sandbox-0bad\/run\.json:2 → schemaVersion/);
  expect(await page()).toContain('20260301T100500Z-sandbox-bbbb');
}, 30_000);

test('a deleted run disappears', async () => {
  await rm(path.join(evaluationDir, 'runs', '20260301T100000Z-sandbox-aaaa'), { recursive: true });
  const html = await waitForPage((h) => !h.includes('20260301T100000Z-sandbox-aaaa'), 20_000);
  expect(html).not.toContain('20260301T100000Z-sandbox-aaaa');
}, 30_000);
