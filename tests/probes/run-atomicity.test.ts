import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { EvalRunSchema } from '../../src/schemas/eval-run.ts';
import { listFiles, spawnProbe, useCliProject } from './cli-fixture.ts';

// A run is stored only when complete: SIGKILL mid-run leaves no run.json; two runs at once both land intact.
let project = '';
// /fast answers at once; /slow accepts the request and never answers.
useCliProject(
  'proofbook-atomic-',
  (req, res) => {
    if (req.url === '/fast') res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  },
  [
    '{ id: atomic.fast, title: fast, kind: http, path: /fast, auth: none }',
    '{ id: atomic.slow-1, title: slow, kind: http, path: /slow, auth: none, timeout: 20s }',
    '{ id: atomic.slow-2, title: slow, kind: http, path: /slow, auth: none, timeout: 20s }',
  ],
  (dir) => (project = dir),
);

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

test('a run killed with SIGKILL mid-way leaves no partial run', async () => {
  const evaluation = path.join(project, 'killed');
  const run = spawnProbe(['--env', 'demo', '--origin', 'ci', '--concurrency', '1', '--evaluation', evaluation], { cwd: project });
  // Kill once the first check has finished and the second is in flight.
  await waitFor(() => run.stdout().includes('atomic.fast'), 15_000);
  run.child.kill('SIGKILL');
  const result = await run.done;
  expect(result.signal).toBe('SIGKILL');
  expect(await listFiles(evaluation)).toEqual([]);
  const runs = await readdir(path.join(evaluation, 'runs')).catch(() => [] as string[]);
  expect(runs.filter((name) => !name.startsWith('.tmp-'))).toEqual([]);
}, 30_000);

test('two runs at once both land intact under distinct run ids', async () => {
  const evaluation = path.join(project, 'concurrent');
  const args = ['--env', 'demo', '--origin', 'ci', '--only', 'atomic.fast', '--evaluation', evaluation];
  const [a, b] = await Promise.all([spawnProbe(args, { cwd: project }).done, spawnProbe(args, { cwd: project }).done]);
  expect([a.code, b.code], a.stderr + b.stderr).toEqual([0, 0]);
  const dirs = (await readdir(path.join(evaluation, 'runs'))).sort();
  expect(dirs).toHaveLength(2);
  for (const dir of dirs) {
    const run = EvalRunSchema.parse(JSON.parse(await readFile(path.join(evaluation, 'runs', dir, 'run.json'), 'utf8')));
    expect(run.runId).toBe(dir);
    expect(run.records.map((r) => [r.checkId, r.verdict])).toEqual([['atomic.fast', 'pass']]);
    expect(await readFile(path.join(evaluation, 'runs', dir, 'raw', 'atomic.fast.txt'), 'utf8')).toContain('GET /fast');
  }
}, 30_000);
