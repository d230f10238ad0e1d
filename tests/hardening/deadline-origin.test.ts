// Issue 25 items 5 and 9: `--deadline` holds for every check, the real Codex CLI included (`--deadline 5s` ran
// ~12 s); `--origin` is validated before anything is probed; control characters a gateway sends never reach the
// terminal raw.
import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { formatResultLine } from '../../src/probes/report.ts';
import { makeRecord } from '../support/evidence-fixtures.ts';
import { spawnProbe, writeProject } from '../probes/cli-fixture.ts';
import { startHttp, startSilent, tempDir, type TestServer } from '../probes/helpers.ts';

let echo: TestServer;
let silent: TestServer;
let scratch: Awaited<ReturnType<typeof tempDir>>;
let requests = 0;
const NASTY = 'ok\u001b[2J\u001b]0;pwned\u0007\u0000hidden\rover\u009b31m';

beforeAll(async () => {
  scratch = await tempDir('proofbook-deadline-');
  echo = await startHttp((_req, res) => {
    requests++;
    res.writeHead(500, { 'content-type': 'text/plain' }).end(NASTY);
  });
  silent = await startSilent();
});
afterAll(async () => {
  await echo?.close();
  await silent?.close();
  await scratch?.remove();
});

async function project(name: string, baseUrl: string, checks: string[]): Promise<string> {
  const dir = path.join(scratch.dir, name);
  await writeProject(dir, baseUrl, ['checks:', ...checks.map((c) => `  - ${c}`), ''].join('\n'));
  return dir;
}

test('--origin is validated before anything is read or probed: exit 2, nothing sent, nothing written', async () => {
  const dir = await project('origin', echo.url, ['{ id: echo.one, title: one, kind: http, path: /x }']);
  const before = requests;
  const result = await spawnProbe(['--env', 'demo', '--origin', 'Bad Origin!\u001b[31m'], { cwd: dir }).done;
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('Invalid command line:\n--origin → origin: Expected an origin id such as "lan-host", received "Bad Origin!\\x1b[31m"');
  expect(result.stderr).not.toContain('\u001b');
  expect(requests).toBe(before);
  expect(existsSync(path.join(dir, 'evaluation'))).toBe(false);
});

test('a gateway body with control characters and NUL reaches the terminal escaped', async () => {
  const dir = await project('control', echo.url, ['{ id: echo.body, title: body, kind: http, path: /x, auth: none, expect: { status: 500, bodyContains: nope } }']);
  const result = await spawnProbe(['--env', 'demo', '--origin', 'ci', '--no-write'], { cwd: dir }).done;
  expect(result.code).toBe(1);
  expect(result.stdout).toContain('ok\\x1b[2J\\x1b]0;pwned\\x07\\x00hidden\\rover\\x9b31m');
  expect(result.stdout + result.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  // On a terminal our own colours remain, around the escaped text.
  const line = formatResultLine(makeRecord({ verdict: 'fail', summary: NASTY }), { tty: true });
  expect(line.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  expect(line).toContain('\u001b[2m');
});

const codexHomes = () => readdirSync(os.tmpdir()).filter((name) => name.startsWith('proofbook-codex-'));

test('--deadline stops the real Codex CLI check: the run ends within the deadline and a grace, recorded as a timeout', async () => {
  const dir = await project('codex', silent.url, ['{ id: clients.codex-cli, title: codex, kind: codex-cli, timeout: 90s, doctor: true }']);
  const homesBefore = new Set(codexHomes());
  const started = performance.now();
  // The real Codex runs three commands (~0.5 s in all here): a 200 ms deadline falls in the middle of them.
  const probe = spawnProbe(['--env', 'demo', '--origin', 'ci', '--deadline', '200ms', '--json', '--no-write'], { cwd: dir, env: { LITELLM_API_KEY: 'sk-deadline-test-key' }, timeoutMs: 60_000 });
  const result = await probe.done;
  const took = performance.now() - started;
  expect(result.code, result.stderr).toBe(1);
  const [record] = (JSON.parse(result.stdout) as { records: Array<{ verdict: string; failureClass: string; summary: string }> }).records;
  expect(record).toMatchObject({ verdict: 'fail', failureClass: 'timeout' });
  expect(record!.summary).toMatch(/run deadline/);
  // 0.2 s deadline, 1 s hard-stop grace, and Node's own start-up and exit.
  expect(took).toBeLessThan(4000);
  // The probe's temp CODEX_HOME is gone, and no Codex process of it is left.
  expect(codexHomes().filter((name) => !homesBefore.has(name) && name.startsWith(`proofbook-codex-${probe.child.pid}-`))).toEqual([]);
}, 60_000);
