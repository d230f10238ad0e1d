// bench:start — `npm start` from the command to a served site: the time from spawning scripts/start.ts to the
// first successful GET of the site URL, over several runs, each in a fresh copy of the project (as a fresh clone
// would be: no dist/, no Astro cache, no earlier runs). Prints the median, the spread and where the time went
// (the stage marks start.ts prints). A figure, not a test; the goal (issue 27) is 15 s on the shared 2 cores.
// Usage: npm run bench:start [-- --runs 5] [--warm] [--against main]
//   --warm: one copy, built once before the timed runs; --against REF: alternate runs of this tree (A) and of the
//   committed REF (B), so a loaded shared machine moves both alike, and print the ratio of their medians.
// Runs inside a loopback-only network namespace (re-executing itself there as root), like the tests.
import { spawn, spawnSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isLoopbackOnly } from '../../src/probes/codex-cli/isolated.ts';
import { COPY_CONFIG, makeSiteCopy } from '../../tests/status/site-copy.ts';
import { freePort } from '../../src/util/free-port.ts';

const root = path.resolve(import.meta.dirname, '../..');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, warm: { type: 'boolean', default: false }, against: { type: 'string' } } });
const runs = Number(values.runs);

if (!isLoopbackOnly()) {
  if (process.getuid?.() !== 0) throw new Error('bench:start needs a loopback-only network namespace: run it as root (it enters one with unshare -n)');
  // A plain namespace, as scripts/test.sh makes: not isolatedArgv's, whose fast-failing resolv.conf mount would
  // reach every child and hide what the code under test does about name lookups itself.
  const child = spawnSync('unshare', ['-n', 'sh', '-c', 'ip link set lo up && exec "$@"', 'sh', process.execPath, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}

/** A fresh copy of the project at `source` (this tree, or a ref extracted under .tmp/), inside the project. */
async function projectCopy(source = root) {
  const copy = await makeSiteCopy(source, 'bench-start-', path.join(root, '.tmp'));
  await cp(path.join(source, 'scripts'), path.join(copy.dir, 'scripts'), { recursive: true });
  await cp(path.join(source, 'evaluation/imports'), path.join(copy.dir, 'evaluation/imports'), { recursive: true });
  return copy;
}

/** The files of a committed ref, extracted under .tmp/ so packages resolve from this project's node_modules. */
async function extractRef(ref: string): Promise<string> {
  const dir = await mkdtemp(path.join(root, '.tmp', 'bench-start-ref-'));
  const archive = spawnSync('sh', ['-c', `git archive ${JSON.stringify(ref)} | tar -x -C ${JSON.stringify(dir)}`], { cwd: root, stdio: 'inherit' });
  if (archive.status !== 0) throw new Error(`cannot extract ${ref}`);
  return dir;
}

/** One `npm start`: ms from spawn to the first 200 of the site, and when each stage began. */
async function timeStart(dir: string): Promise<{ servedMs: number; marks: Record<string, number> }> {
  const port = await freePort();
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1' };
  const t0 = performance.now();
  const child = spawn(process.execPath, ['scripts/start.ts', '--port', String(port), '--config', COPY_CONFIG], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const marks: Record<string, number> = {};
  let output = '';
  const onData = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    for (const match of output.matchAll(/^(?:▶ (\w+)|(demo gateway) \(a stand-in)/gm)) marks[match[1] ?? match[2]!] ??= performance.now() - t0;
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${port}/`;
  const deadline = t0 + 180_000;
  try {
    while (performance.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode} before serving:\n${output.slice(-3000)}`);
      const ok = await fetch(url, { signal: AbortSignal.timeout(2000) }).then(
        async (response) => (await response.arrayBuffer(), response.status === 200),
        () => false,
      );
      if (ok) return { servedMs: performance.now() - t0, marks };
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`${url} was not served within 180 s:\n${output.slice(-3000)}`);
  } finally {
    process.kill(-child.pid!, 'SIGINT');
    await exited;
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const secs = (ms: number) => (ms / 1000).toFixed(1);

const warmCopy = values.warm ? await projectCopy() : undefined;
if (warmCopy) await timeStart(warmCopy.dir); // fills dist/ and the Astro cache; uncounted
const refRoot = values.against ? await extractRef(values.against) : undefined;
type Result = { servedMs: number; marks: Record<string, number> };
const results: Result[] = [];
const refResults: Result[] = [];
async function timedRun(label: string, source: string, into: Result[], i: number) {
  const copy = source === root && warmCopy ? warmCopy : await projectCopy(source);
  try {
    const result = await timeStart(copy.dir);
    into.push(result);
    const stages = Object.entries(result.marks).map(([name, ms]) => `${name} @${secs(ms)}`).join(', ');
    console.log(`${label} run ${i + 1}: served in ${secs(result.servedMs)} s (${stages})`);
  } finally {
    if (copy !== warmCopy) await copy.remove();
  }
}
try {
  for (let i = 0; i < runs; i++) {
    await timedRun(refRoot ? 'A' : '', root, results, i);
    if (refRoot) await timedRun(`B (${values.against})`, refRoot, refResults, i);
  }
} finally {
  await warmCopy?.remove();
  if (refRoot) await rm(refRoot, { recursive: true, force: true });
}
function report(label: string, rs: Result[]) {
  const served = rs.map((r) => r.servedMs);
  const stageMedian = (from: string, to?: string) => median(rs.map((r) => (to ? r.marks[to]! : r.servedMs) - r.marks[from]!));
  console.log(`  ${label}median ${secs(median(served))} s, min ${secs(Math.min(...served))} s, max ${secs(Math.max(...served))} s  [${served.map(secs).join(', ')}]`);
  if (rs.every((r) => r.marks.probe && r.marks.ingest && r.marks.build)) {
    console.log(`  ${label}stage medians: to gateway ${secs(median(rs.map((r) => r.marks['demo gateway'] ?? NaN)))} s, probe ${secs(stageMedian('probe', 'ingest'))} s, ingest ${secs(stageMedian('ingest', 'build'))} s, build + serve ${secs(stageMedian('build'))} s`);
  }
}
console.log(`npm start → served (${values.warm ? 'warm: one copy, built before' : 'cold: a fresh copy per run'}), ${runs} runs${refRoot ? ' each, alternating' : ''} on ${availableParallelism()} cores:`);
report(refRoot ? 'A (this tree): ' : '', results);
if (refRoot) {
  report(`B (${values.against}): `, refResults);
  console.log(`  ratio A/B of medians: ${(median(results.map((r) => r.servedMs)) / median(refResults.map((r) => r.servedMs))).toFixed(2)}`);
}
