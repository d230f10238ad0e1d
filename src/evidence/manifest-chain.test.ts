import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { makeRun, useTempEvaluation } from '../../tests/support/evidence-fixtures.ts';
import { writeAttestedRun } from './attested-run.ts';
import { compactEvidence } from './compact.ts';
import { updateHistory } from './history.ts';
import { appendManifest, HEAD_FILE, MANIFESTS_DIR } from './manifest-chain.ts';
import { readRunManifest } from './run-manifest.ts';
import { adoptFiles, attestCompaction, attestIngest } from './step-manifests.ts';
import { writeRun } from './store.ts';
import { verifyEvidence } from './verify-evidence.ts';

let evaluationDir: string;
useTempEvaluation((temp) => ({ evaluationDir } = temp));

const RUNS = ['20260301T100000Z-ci-0001', '20260301T101500Z-lan-host-0002', '20260301T103000Z-ci-0003'];

/** Three attested runs with raw artifacts, an imported log and an ingest: fresh evidence as the pipeline leaves it. */
async function freshEvidence(): Promise<void> {
  for (const runId of RUNS) {
    const run = makeRun({ runId, verdicts: { 'mcp.tools-list': 'pass', 'health.liveliness': 'fail' } });
    await writeAttestedRun(evaluationDir, run, [{ name: 'mcp.tools-list.txt', content: `POST /mcp/ for ${runId}\n` }], {}, 'probe');
  }
  await mkdir(path.join(evaluationDir, 'imports'), { recursive: true });
  await writeFile(path.join(evaluationDir, 'imports/lan-mcp-tools.log'), ': ping - 2025-09-18 07:50:03.123000+00:00\n');
  const history = await updateHistory(evaluationDir, RUNS.map((runId) => makeRun({ runId, verdicts: { 'mcp.tools-list': 'pass' } })));
  await attestIngest(evaluationDir, history.written);
}

const manifestsDir = () => path.join(evaluationDir, MANIFESTS_DIR);

test('fresh evidence verifies: every file as written, every manifest linked', async () => {
  await freshEvidence();
  const report = await verifyEvidence(evaluationDir);
  expect(report.problems).toEqual([]);
  expect(report.manifests).toBe(4);
  // 3 runs × (run.json + one raw file), one history day, one import.
  expect(report.files).toBe(8);
  expect(report.head).toMatchObject({ sequence: 4, runId: expect.stringMatching(/-ingest-/) });
  expect((await readdir(manifestsDir())).sort()).toEqual([
    `000001-${RUNS[0]}.json`,
    `000002-${RUNS[1]}.json`,
    `000003-${RUNS[2]}.json`,
    expect.stringMatching(/^000004-\d{8}T\d{6}Z-ingest-[0-9a-f]{4}\.json$/),
    HEAD_FILE,
  ]);
  // An evidence page shows the run's manifest: its own hash and the link before it.
  const second = readRunManifest(evaluationDir, RUNS[1]!);
  const first = readRunManifest(evaluationDir, RUNS[0]!);
  expect(second?.manifest.previous).toEqual({ sequence: 1, runId: RUNS[0], file: first?.file, sha256: first?.sha256 });
});

test('one byte of one artifact changed: the file and the run that wrote it are named', async () => {
  await freshEvidence();
  const rel = `runs/${RUNS[1]}/raw/mcp.tools-list.txt`;
  const bytes = await readFile(path.join(evaluationDir, rel));
  bytes[5] = bytes[5]! ^ 0x01;
  await writeFile(path.join(evaluationDir, rel), bytes);
  const { problems } = await verifyEvidence(evaluationDir);
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatchObject({ path: rel, runId: RUNS[1], sequence: 2 });
  expect(problems[0]!.message).toMatch(new RegExp(`^evaluation/${rel.replace(/\./g, '\\.')} was changed after ${RUNS[1]} wrote it \\(manifest #2\\)`));
});

test('a run removed from the chain (its manifest and its folder) is named', async () => {
  await freshEvidence();
  await rm(path.join(manifestsDir(), `000002-${RUNS[1]}.json`));
  await rm(path.join(evaluationDir, 'runs', RUNS[1]!), { recursive: true });
  const { problems } = await verifyEvidence(evaluationDir);
  expect(problems[0]).toMatchObject({ sequence: 2, runId: RUNS[1] });
  expect(problems[0]!.message).toBe(`run ${RUNS[1]} is missing from the chain: its manifest 000002-${RUNS[1]}.json (#2) is gone, and 000003-${RUNS[2]}.json points to it`);
  // The older links are still walked and their files still checked.
  expect(problems.slice(1)).toEqual([]);
});

test('a run folder deleted while its manifest stays is named by its files', async () => {
  await freshEvidence();
  await rm(path.join(evaluationDir, 'runs', RUNS[0]!), { recursive: true });
  const { problems } = await verifyEvidence(evaluationDir);
  expect(problems.map((problem) => [problem.runId, problem.path])).toEqual([
    [RUNS[0], `runs/${RUNS[0]}/raw/mcp.tools-list.txt`],
    [RUNS[0], `runs/${RUNS[0]}/run.json`],
  ]);
  expect(problems[0]!.message).toMatch(/is missing: 20260301T100000Z-ci-0001 wrote it \(manifest #1\)/);
});

test('a manifest edited after it was chained, or one slipped in beside the chain, is found', async () => {
  await freshEvidence();
  const file = path.join(manifestsDir(), `000001-${RUNS[0]}.json`);
  await writeFile(file, (await readFile(file, 'utf8')).replace('"kind": "probe"', '"kind": "adopt"'));
  await writeFile(path.join(manifestsDir(), '000009-20260301T120000Z-ci-0009.json'), '{}');
  const { problems } = await verifyEvidence(evaluationDir);
  expect(problems.map((problem) => problem.message)).toEqual([
    expect.stringMatching(new RegExp(`^the manifest of run ${RUNS[0]} \\(000001-${RUNS[0]}\\.json, #1\\) was changed after it was chained`)),
    'manifest 000009-20260301T120000Z-ci-0009.json (run 20260301T120000Z-ci-0009) is not linked from head.json: it was added outside the chain or its successor was replaced',
  ]);
});

test('a run put there without a manifest is named; --adopt vouches for it in a manifest of its own', async () => {
  await freshEvidence();
  await writeRun(evaluationDir, makeRun({ runId: '20260301T110000Z-ci-0004', verdicts: { 'mcp.tools-list': 'pass' } }));
  const { problems } = await verifyEvidence(evaluationDir);
  expect(problems).toEqual([expect.objectContaining({ runId: '20260301T110000Z-ci-0004', path: 'runs/20260301T110000Z-ci-0004/run.json' })]);
  const adopted = await adoptFiles(evaluationDir, 'merged from the lan-host job');
  expect(adopted.files).toEqual(['runs/20260301T110000Z-ci-0004/run.json']);
  expect((await verifyEvidence(evaluationDir)).problems).toEqual([]);
});

test('an imported log changed after an ingest read it stays a problem, even once a later ingest read the new bytes', async () => {
  await freshEvidence();
  await writeFile(path.join(evaluationDir, 'imports/lan-mcp-tools.log'), ': ping - 2025-09-18 07:50:03.123000+00:00\nevent: message\n');
  await attestIngest(evaluationDir, []);
  const { problems } = await verifyEvidence(evaluationDir);
  expect(problems.map((problem) => problem.path)).toEqual(['imports/lan-mcp-tools.log']);
  expect(problems[0]!.message).toMatch(/changed after .*-ingest-.* wrote it \(manifest #4\); ingest .* \(#5\) read it with sha256/);
});

test('a compaction records what it removed on purpose, so the chain still verifies', async () => {
  await freshEvidence();
  const report = await compactEvidence({ evaluationDir, rawDays: 1, now: new Date('2026-03-10T12:00:00Z') });
  expect(report.deletedRuns).toEqual(RUNS);
  await attestCompaction(evaluationDir, report);
  expect((await verifyEvidence(evaluationDir)).problems).toEqual([]);
});

test('appends from many writers at once form one chain, in one order, without a gap', async () => {
  const inProcess = Array.from({ length: 12 }, (_, i) => appendManifest(evaluationDir, { kind: 'probe', runId: `20260301T1000${String(i).padStart(2, '0')}Z-ci-aaaa`, files: [] }));
  // Writers in other processes, as two CI steps or a probe and an ingest on one machine would be.
  const script = `import { appendManifest } from ${JSON.stringify(path.resolve(import.meta.dirname, 'manifest-chain.ts'))};
    for (let i = 0; i < 4; i++) await appendManifest(process.argv[1], { kind: 'ingest', runId: '20260301T110000Z-ingest-' + process.pid + '-' + i, files: [] });`;
  const children = [1, 2].map(
    () =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, ['--input-type=module', '-e', script, evaluationDir], { stdio: ['ignore', 'ignore', 'inherit'] });
        child.once('exit', resolve);
      }),
  );
  await Promise.all(inProcess);
  expect(await Promise.all(children)).toEqual([0, 0]);
  const report = await verifyEvidence(evaluationDir);
  expect(report.problems).toEqual([]);
  expect(report.manifests).toBe(20);
  const files = (await readdir(manifestsDir())).filter((name) => name !== HEAD_FILE);
  expect(files.map((name) => Number(name.slice(0, 6))).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
}, 30_000);

test('a lock left by a writer that died is taken over; a missing head is refused, not papered over', async () => {
  await mkdir(path.join(manifestsDir(), '.lock'), { recursive: true });
  await writeFile(path.join(manifestsDir(), '.lock/owner'), '999999999 dead\n');
  const { utimes } = await import('node:fs/promises');
  const past = new Date(Date.now() - 5000);
  await utimes(path.join(manifestsDir(), '.lock'), past, past);
  await appendManifest(evaluationDir, { kind: 'probe', runId: '20260301T100000Z-ci-0001', files: [] });
  await rm(path.join(manifestsDir(), HEAD_FILE));
  await expect(appendManifest(evaluationDir, { kind: 'probe', runId: '20260301T100100Z-ci-0002', files: [] })).rejects.toThrow(/head\.json is missing while 1 manifests remain/);
  expect((await verifyEvidence(evaluationDir)).problems.map((problem) => problem.message)).toEqual([
    `evaluation/${MANIFESTS_DIR}/${HEAD_FILE} is missing while 1 manifests remain: the newest link of the chain was removed or never written`,
  ]);
});
