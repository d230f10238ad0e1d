// Issue 26: a site built from two real-stack runs answered by different LiteLLM versions shows each row's versions in
// status.json, the versions per target × origin with the change marked on /status, and the tool-catalog drift between
// the two runs as drift after an upgrade; a second scope whose catalog drifted with the same versions says so.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { updateHistory } from '../../src/evidence/history.ts';
import { writeRun } from '../../src/evidence/store.ts';
import { StatusJsonSchema, type StatusJson } from '../../src/schemas/status.ts';
import { makeRun } from '../support/evidence-fixtures.ts';
import { projectRoot, runNode, userEnv } from '../support/site.ts';
import { COPY_CONFIG, makeSiteCopy } from './site-copy.ts';

const MINUTE = 60_000;
const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * MINUTE).toISOString();
const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');

/** A run of mcp.tools-list (listing `tools`) and health.readiness, `minutesAgo` before now, answered by `litellmVersion`. */
function runOf(environment: string, minutesAgo: number, litellmVersion: string, tools: string[]) {
  const time = at(minutesAgo);
  return makeRun({
    runId: `${stamp(time)}-ci-${minutesAgo.toString(16).padStart(4, '0')}`, at: time, environment, gateway: { litellmVersion, traefikVersion: '3.7.15' },
    records: [{ checkId: 'mcp.tools-list', provenance: 'real', measured: { tools: tools.map((name) => ({ name, server: 'mcp_postgres' })) } }, { checkId: 'health.readiness', provenance: 'real' }],
  });
}

const before = runOf('real-stack', 30, '1.107.0', ['mcp_postgres-query']);
const after = runOf('real-stack', 10, '1.108.4', ['mcp_postgres-query', 'mcp_postgres-explain']);
const sameBefore = runOf('internal', 31, '1.108.4', ['mcp_postgres-query']);
const sameAfter = runOf('internal', 11, '1.108.4', []);

let removeCopy: () => Promise<void> = async () => undefined;
let statusJson: StatusJson;
let statusHtml = '';

beforeAll(async () => {
  const copy = await makeSiteCopy(projectRoot, 'version-drift-');
  removeCopy = copy.remove;
  const evaluation = path.join(copy.dir, 'evaluation');
  await mkdir(evaluation, { recursive: true });
  const runs = [before, after, sameBefore, sameAfter];
  for (const run of runs) await writeRun(evaluation, run, []);
  await updateHistory(evaluation, runs);
  const astro = path.join(projectRoot, 'node_modules/astro/bin/astro.mjs');
  const { code, output } = await runNode([astro, 'build', '--config', COPY_CONFIG], copy.dir, userEnv(), 300_000);
  if (code !== 0) throw new Error(`astro build exited ${code}:\n${stripVTControlCharacters(output).slice(-3000)}`);
  statusJson = JSON.parse(await readFile(path.join(copy.dir, 'dist/status.json'), 'utf8')) as StatusJson;
  statusHtml = await readFile(path.join(copy.dir, 'dist/status/index.html'), 'utf8');
}, 400_000);

afterAll(async () => {
  await removeCopy();
});

test('status.json: each row carries the versions of the run it came from, in the shape of its schema', () => {
  expect(StatusJsonSchema.parse(statusJson)).toEqual(statusJson);
  const rows = statusJson.groups.flatMap((group) => group.checks.flatMap((check) => check.rows));
  const realStack = rows.filter((row) => row.target === 'real-stack');
  expect(realStack.map((row) => [row.checkId, row.runId, row.gateway])).toEqual([
    ['health.readiness', after.runId, { litellmVersion: '1.108.4', traefikVersion: '3.7.15' }],
    ['mcp.tools-list', after.runId, { litellmVersion: '1.108.4', traefikVersion: '3.7.15' }],
  ]);
});

test('status.json: the version drift per target × origin, and drift after an upgrade told from drift without one', () => {
  expect(statusJson.versions).toEqual([
    { target: 'internal', origin: 'ci', runId: sameAfter.runId, finishedAt: sameAfter.finishedAt, provenance: 'real', litellmVersion: '1.108.4', traefikVersion: '3.7.15', previousRun: sameBefore.runId, changes: [] },
    { target: 'real-stack', origin: 'ci', runId: after.runId, finishedAt: after.finishedAt, provenance: 'real', litellmVersion: '1.108.4', traefikVersion: '3.7.15', previousRun: before.runId, changes: [{ software: 'litellm', from: '1.107.0', to: '1.108.4' }] },
  ]);
  const drift = Object.fromEntries(statusJson.drift.map((entry) => [entry.target, entry]));
  expect(drift['real-stack']).toMatchObject({ fromRun: before.runId, toRun: after.runId, added: ['mcp_postgres-explain'], versionChanges: [{ software: 'litellm', from: '1.107.0', to: '1.108.4' }] });
  expect(drift.internal).toMatchObject({ removed: ['mcp_postgres-query'], versionChanges: [] });
});

test('/status shows the versions per target × origin and marks the change and the drift that followed it', () => {
  const versions = statusHtml.slice(statusHtml.indexOf('id="versions"'), statusHtml.indexOf('id="drift"'));
  expect(versions).toMatch(/<li data-pb-version-change="changed">\s*real-stack · ci: LiteLLM <strong>1\.108\.4<\/strong>, Traefik <strong>3\.7\.15<\/strong>/);
  expect(versions).toContain(`changed since the run before (${before.runId}): LiteLLM 1.107.0 → 1.108.4.`);
  expect(versions).toMatch(/<li data-pb-version-change="unchanged">\s*internal · ci: LiteLLM <strong>1\.108\.4<\/strong>[\s\S]*?unchanged since the run before\./);
  const drift = statusHtml.slice(statusHtml.indexOf('id="drift"'), statusHtml.indexOf('id="known-limitations"'));
  expect(drift).toMatch(/real-stack · ci[\s\S]*?added <code>mcp_postgres-explain<\/code>;[\s\S]*?data-pb-drift-cause="upgrade"> after an upgrade: LiteLLM 1\.107\.0 → 1\.108\.4\./);
  expect(drift).toMatch(/internal · ci[\s\S]*?removed <code>mcp_postgres-query<\/code>;[\s\S]*?data-pb-drift-cause="same-versions"/);
});
