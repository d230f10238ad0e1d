import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { PROBE_SCRIPT, spawnProbe, useCliProject } from '../probes/cli-fixture.ts';
import { projectRoot, runNode } from '../support/site.ts';

// Faults the evidence store must survive: a probe run killed mid-way, and a disk that is really full.
let project = '';
useCliProject(
  'proofbook-faults-',
  (req, res) => {
    if (req.url === '/fast') res.writeHead(200, { 'content-type': 'text/plain' }).end('ok'); // /slow never answers
  },
  [
    '{ id: fault.fast, title: fast, kind: http, path: /fast, auth: none }',
    '{ id: fault.slow, title: slow, kind: http, path: /slow, auth: none, timeout: 20s }',
  ],
  (dir) => (project = dir),
);

const runIngest = (evaluation: string) =>
  runNode([path.join(projectRoot, 'scripts/ingest.ts'), '--strict', '--evaluation-dir', evaluation], project, process.env, 60_000);

test('after a probe run is SIGKILLed mid-way, the next run and a strict ingest are clean', async () => {
  const evaluation = path.join(project, 'killed');
  const args = ['--env', 'demo', '--origin', 'ci', '--concurrency', '1', '--evaluation-dir', evaluation];
  const killed = spawnProbe(args, { cwd: project });
  while (!killed.stdout().includes('fault.fast')) await new Promise((resolve) => setTimeout(resolve, 25));
  killed.child.kill('SIGKILL');
  expect((await killed.done).signal).toBe('SIGKILL');

  const next = await spawnProbe([...args, '--only', 'fault.fast'], { cwd: project }).done;
  expect(next.code, next.stderr).toBe(0);
  const runs = (await readdir(path.join(evaluation, 'runs'))).filter((name) => !name.startsWith('.'));
  expect(runs).toHaveLength(1);
  const run = JSON.parse(await readFile(path.join(evaluation, 'runs', runs[0], 'run.json'), 'utf8'));
  expect(run.records.map((r: { checkId: string; verdict: string }) => [r.checkId, r.verdict])).toEqual([['fault.fast', 'pass']]);

  const ingest = await runIngest(evaluation);
  expect(ingest.code, ingest.output).toBe(0);
  expect(ingest.output).toMatch(/runs: 1 valid \(1 records\), 0 invalid/);
}, 60_000);

// A tmpfs of 512 KiB in a private mount namespace: the kernel itself answers ENOSPC. Everything is checked
// inside the namespace (the mount disappears with it) and reported as KEY=value lines.
const DISK_FULL_SCRIPT = String.raw`
set -u
eval_dir="$1"; shift
mkdir -p "$eval_dir" && mount -t tmpfs -o size=512k tmpfs "$eval_dir" || { echo "MOUNT=failed"; exit 0; }
probe() { "$NODE" "$PROBE" --env demo --origin ci --only fault.fast --evaluation-dir "$eval_dir" >/dev/null 2>"$eval_dir/../stderr-$1"; echo "EXIT_$1=$?"; }
probe first
before=$(cd "$eval_dir" && find runs -name run.json -exec sha256sum {} + | sort)
dd if=/dev/zero of="$eval_dir/filler" bs=4k >/dev/null 2>&1
probe full
after=$(cd "$eval_dir" && find runs -name run.json -exec sha256sum {} + | sort)
[ "$before" = "$after" ] && echo "STORED=unchanged" || echo "STORED=changed"
echo "RUNS_WHEN_FULL=$(ls "$eval_dir/runs" | grep -vc '^\.')"
echo "TEMP_LEFT=$(find "$eval_dir/runs" -name '.tmp-*' | wc -l)"
rm -f "$eval_dir/filler"
probe freed
echo "RUNS_AFTER=$(ls "$eval_dir/runs" | grep -vc '^\.')"
umount "$eval_dir"
`;

test('a full disk fails the run with a clear error and loses nothing already stored', async () => {
  const evaluation = path.join(project, 'tiny', 'evaluation');
  const result = await new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn('unshare', ['-m', '--propagation', 'private', 'bash', '-c', DISK_FULL_SCRIPT, 'disk-full', evaluation], {
      cwd: project,
      env: { ...process.env, NODE: process.execPath, PROBE: PROBE_SCRIPT, CI: '1' },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code, output }));
  });
  const facts = Object.fromEntries(result.output.split('\n').filter((line) => /^[A-Za-z_]+=/.test(line)).map((line) => line.split('=', 2)));
  expect(facts, result.output).toEqual({
    EXIT_first: '0',
    EXIT_full: '1',
    STORED: 'unchanged',
    RUNS_WHEN_FULL: '1',
    TEMP_LEFT: '0',
    EXIT_freed: '0',
    RUNS_AFTER: '2',
  });
  const stderr = await readFile(path.join(project, 'tiny', 'stderr-full'), 'utf8');
  expect(stderr).toMatch(/the disk is full \(ENOSPC\)/);
  expect(stderr).toContain(evaluation);
  expect(stderr).toMatch(/Runs already stored were not touched/);
}, 60_000);
