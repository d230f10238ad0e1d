import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { RUN_SUMMARY_FILE } from '../../src/evidence/run-summary-file.ts';
import { writeRun } from '../../src/evidence/store.ts';
import { runsLoader } from '../../src/site/loaders/index.ts';
import { RunSummarySchema } from '../../src/schemas/run-summary.ts';
import { makeLoaderContext, makeStore } from './loader-context.ts';
import { makeRun, useTempEvaluation } from '../support/evidence-fixtures.ts';

let root: string;
let evaluationDir: string;
useTempEvaluation((temp) => ({ root, evaluationDir } = temp));

const ID = '20260301T100000Z-sandbox-aaaa';

async function load() {
  const context = makeLoaderContext(await makeStore(), 'runs', RunSummarySchema, root);
  await runsLoader({ evaluationDir }).load(context.ctx);
  return context;
}

test('a cold sync takes each summary from its sidecar while it vouches for run.json, and from run.json once it does not', async () => {
  await writeRun(evaluationDir, makeRun({ runId: ID, at: '2026-03-01T10:00:00Z', verdicts: { 'mcp.tools-list': 'fail' } }));
  // A sidecar that vouches for these bytes but says something run.json does not: only the sidecar can be its source.
  const sidecarFile = path.join(evaluationDir, 'runs', ID, RUN_SUMMARY_FILE);
  const sidecar = JSON.parse(await readFile(sidecarFile, 'utf8'));
  sidecar.summary.toolVersion = 'from-the-sidecar';
  await writeFile(sidecarFile, JSON.stringify(sidecar));

  const first = await load();
  expect(first.ctx.store.get(ID)?.data).toMatchObject({ toolVersion: 'from-the-sidecar', failing: ['mcp.tools-list'] });
  expect(first.logs.info).toContain("runs: 1 of the parsed taken from their summary.json (1 vouched for by run.json's size and mtime, 0 by its hash)");

  const runFile = path.join(evaluationDir, 'runs', ID, 'run.json');
  await writeFile(runFile, (await readFile(runFile, 'utf8')).replace('"fail"', '"pass"'));
  const second = await load();
  expect(second.ctx.store.get(ID)?.data).toMatchObject({ toolVersion: '0.1.0', verdicts: { pass: 1 }, failing: [] });
  expect(second.logs.info.join('\n')).not.toMatch(/summary\.json/);
});

test('a run without a sidecar is validated in full, and reported when it is bad', async () => {
  await writeRun(evaluationDir, makeRun({ runId: ID, at: '2026-03-01T10:00:00Z', verdicts: { 'mcp.tools-list': 'pass' } }));
  await rm(path.join(evaluationDir, 'runs', ID, RUN_SUMMARY_FILE));
  const runFile = path.join(evaluationDir, 'runs', ID, 'run.json');
  await writeFile(runFile, (await readFile(runFile, 'utf8')).replace('"pass"', '"green"'));
  const context = await load();
  expect(context.ctx.store.keys()).toEqual([]);
  expect(context.logs.error[0]).toMatch(new RegExp(`evaluation/runs/${ID}/run.json:\\d+ → records\\[0\\]\\.verdict`));
});
