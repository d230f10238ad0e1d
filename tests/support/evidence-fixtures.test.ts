import { readFile, rm } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { EvalRunSchema } from '../../src/schemas/eval-run.ts';
import { EvidenceRecordSchema } from '../../src/schemas/evidence.ts';
import { DailyHistorySchema } from '../../src/schemas/history.ts';
import { hoursAgo, makeHistoryDay, makeRecord, makeRun, makeTempEvaluation, runIdAt, writeRunFile } from './evidence-fixtures.ts';

// The builders parse their own output, so these tests also pin that the data survives a JSON round trip (as
// run.json does) and that the defaults tests lean on stay as documented.

test.each([
  ['defaults', () => makeRecord()],
  ['a failure', () => makeRecord({ checkId: 'sse.heartbeat', verdict: 'fail', origin: 'lan-host', hoursAgo: 30 })],
  ['an import', () => makeRecord({ verdict: 'degraded', source: { type: 'import', kind: 'codex-mcp-list', file: 'imports/a.txt', line: 3 }, measured: { tools: [{ name: 'x' }] } })],
])('makeRecord: %s pass EvidenceRecordSchema', (_name, build) => {
  const record = build();
  expect(EvidenceRecordSchema.parse(JSON.parse(JSON.stringify(record)))).toEqual(record);
});

test('makeRecord defaults: a pass on internal from sandbox one hour ago; failures get a failure class', () => {
  expect(makeRecord()).toMatchObject({ checkId: 'mcp.tools-list', target: 'internal', origin: 'sandbox', runId: runIdAt(1, 'sandbox'), finishedAt: hoursAgo(1), verdict: 'pass', failureClass: null });
  expect(makeRecord({ origin: 'ci', hoursAgo: 2 }).runId).toBe('20261124T130000Z-ci-abcd');
  expect([makeRecord({ verdict: 'fail' }), makeRecord({ verdict: 'error' }), makeRecord({ verdict: 'degraded' }), makeRecord({ verdict: 'fail', failureClass: 'dns' })].map((r) => r.failureClass)).toEqual([
    'http_status',
    'http_status',
    null,
    'dns',
  ]);
});

test.each([
  ['no options', () => makeRun()],
  ['verdicts', () => makeRun({ runId: '20260301T100000Z-lan-host-0003', verdicts: { 'mcp.tools-list': 'pass', 'sse.heartbeat': 'error' } })],
  ['records', () => makeRun({ origin: 'ci', at: '2026-11-24T15:30:00.000Z', environment: 'internal', records: [{ checkId: 'health.liveliness', summary: 'ok' }, { verdict: 'fail', measured: { status: 502 } }] })],
])('makeRun: %s pass EvalRunSchema', (_name, build) => {
  const run = build();
  expect(EvalRunSchema.parse(JSON.parse(JSON.stringify(run)))).toEqual(run);
});

test('makeRun takes origin and time from the run id, and gives its records the run, origin, target and time', () => {
  const run = makeRun({ runId: '20260301T100000Z-lan-host-0003', verdicts: { 'mcp.tools-list': 'pass', 'sse.heartbeat': 'fail' }, records: [{ checkId: 'health.readiness' }] });
  expect(run).toMatchObject({ origin: 'lan-host', environment: 'demo', startedAt: '2026-03-01T10:00:00Z', finishedAt: '2026-03-01T10:00:00Z' });
  expect(run.records.map((r) => [r.checkId, r.verdict, r.failureClass, r.runId, r.origin, r.target, r.finishedAt])).toEqual([
    ['mcp.tools-list', 'pass', null, run.runId, 'lan-host', 'demo', '2026-03-01T10:00:00Z'],
    ['sse.heartbeat', 'fail', 'http_status', run.runId, 'lan-host', 'demo', '2026-03-01T10:00:00Z'],
    ['health.readiness', 'pass', null, run.runId, 'lan-host', 'demo', '2026-03-01T10:00:00Z'],
  ]);
  expect(makeRun({ at: '2026-11-24T15:30:00.000Z', origin: 'ci' }).runId).toBe('20261124T153000Z-ci-abcd');
  expect(() => makeRun({ runId: 'not-a-run-id' })).toThrowErrorMatchingInlineSnapshot(`[Error: makeRun: run id not-a-run-id does not start with a UTC stamp; pass \`at\`]`);
});

test('makeHistoryDay passes DailyHistorySchema', () => {
  const day = makeHistoryDay('2026-11-23', [{ checkId: 'a.one', fail: 3 }, { checkId: 'a.one', origin: 'lan-host', pass: 2, lastVerdict: 'fail' }]);
  expect(DailyHistorySchema.parse(JSON.parse(JSON.stringify(day)))).toEqual(day);
  expect(day.buckets[0]).toMatchObject({ target: 'internal', origin: 'sandbox', pass: 0, fail: 3, firstAt: '2026-11-23T00:00:00Z' });
});

test('writeRunFile writes run.json under runs/<id>/ in a temp evaluation dir', async () => {
  const { root, evaluationDir } = await makeTempEvaluation();
  try {
    const run = makeRun({ runId: '20260301T100000Z-sandbox-0001', verdicts: { 'mcp.tools-list': 'pass' } });
    const file = await writeRunFile(evaluationDir, run);
    expect(file).toBe(`${evaluationDir}/runs/20260301T100000Z-sandbox-0001/run.json`);
    expect(EvalRunSchema.parse(JSON.parse(await readFile(file, 'utf8')))).toEqual(run);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
