import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { spawnProbe, useCliProject } from './cli-fixture.ts';

// Exit codes follow content/baseline.yaml: a known limitation does not fail CI, an unknown failure does.
let project = '';
useCliProject(
  'proofbook-baseline-',
  (req, res) => {
    if (req.url === '/ok') res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('404 page not found\n');
  },
  [
    '{ id: base.ok, title: ok, kind: http, path: /ok, auth: none }',
    '{ id: base.broken, title: broken, kind: http, path: /broken, auth: none }',
  ],
  (dir) => (project = dir),
);

const baselineFor = (check: string, origin: string, expects = 'failureClass: http_status') =>
  ['schemaVersion: 1', 'entries:', `  - check: ${check}`, '    target: demo', `    origin: ${origin}`, `    ${expects}`, '    reason: known broken in this test', '    doc: /runbooks/reachability/', "    since: '2026-11-24'", ''].join('\n');

async function probeWith(baseline: string | null) {
  const file = path.join(project, 'content/baseline.yaml');
  if (baseline === null) await rm(file, { force: true });
  else await writeFile(file, baseline);
  const evaluation = path.join(project, `evaluation-${Math.random().toString(16).slice(2)}`);
  const junit = path.join(evaluation, 'junit.xml');
  const result = await spawnProbe(['--env', 'demo', '--origin', 'ci', '--evaluation-dir', evaluation, '--junit', junit], { cwd: project }).done;
  const [runDir] = await readdir(path.join(evaluation, 'runs')).catch(() => []);
  if (!runDir) return { ...result, run: undefined, junit: '' };
  const run = JSON.parse(await readFile(path.join(evaluation, 'runs', runDir, 'run.json'), 'utf8'));
  return { ...result, run, junit: await readFile(junit, 'utf8') };
}

test('a failure no baseline entry covers fails the run (exit 1)', async () => {
  const result = await probeWith(null);
  expect(result.code).toBe(1);
  expect(result.junit).toMatch(/<testcase [^>]*name="base.broken"[^>]*>\s*<failure/);
});

test('a baselined failure is an expected failure: exit 0, JUnit skipped, run.json keeps the raw verdict', async () => {
  const result = await probeWith(baselineFor('base.broken', 'ci'));
  expect(result.code, result.stdout + result.stderr).toBe(0);
  expect(result.stdout).toMatch(/EXPECTED-FAIL base\.broken/);
  expect(result.junit).toMatch(/<testcase [^>]*name="base.broken"[^>]*>\s*<skipped message="expected failure: [^"]*known broken in this test/);
  expect(result.run?.records.find((r: { checkId: string }) => r.checkId === 'base.broken').verdict).toBe('fail');
});

test('a baseline entry for another origin does not excuse this one', async () => {
  const result = await probeWith(baselineFor('base.broken', 'lan-host'));
  expect(result.code).toBe(1);
});

test('a baseline entry that expects another failure does not excuse this one', async () => {
  expect((await probeWith(baselineFor('base.broken', 'ci', 'failureClass: dns'))).code).toBe(1);
  expect((await probeWith(baselineFor('base.broken', 'ci', 'failureClass: http_status\n    status: 502'))).code).toBe(1);
  expect((await probeWith(baselineFor('base.broken', 'ci', 'failureClass: http_status\n    status: 404'))).code).toBe(0);
});

test('a broken baseline file is a configuration error naming its line (exit 2)', async () => {
  const result = await probeWith(baselineFor('base.broken', 'ci').replace("since: '2026-11-24'", 'since: yesterday'));
  expect(result.code).toBe(2);
  expect(result.run).toBeUndefined();
  expect(result.stderr).toContain('content/baseline.yaml:9 → entries[0].since');
});
