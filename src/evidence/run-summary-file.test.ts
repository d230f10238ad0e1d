import { mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makeRun } from '../../tests/support/evidence-fixtures.ts';
import { formatRunSummaryFile, readRunSummaryInput, RUN_SUMMARY_FILE, summaryFromSidecar, summaryOf } from './run-summary-file.ts';
import { RACY_MTIME_MS, runJsonDigest, sha256Hex, vouchingMtime } from './file-digest.ts';
import { scanEvaluation } from './scan-evaluation.ts';
import { repairRunSummaries, writeRun } from './store.ts';

const ID = '20260301T100000Z-sandbox-aaaa';
const run = makeRun({ runId: ID, at: '2026-03-01T10:00:00Z', verdicts: { 'mcp.tools-list': 'fail', 'sse.heartbeat': 'pass' } });
const runJson = `${JSON.stringify(run, null, 2)}\n`;

describe('summaryFromSidecar', () => {
  const sidecar = formatRunSummaryFile(run, runJsonDigest(runJson));

  test('vouches for the exact bytes it was made from', () => {
    expect(summaryFromSidecar(sidecar, sha256Hex(runJson), ID)).toMatchObject({ runId: ID, recordCount: 2, verdicts: { fail: 1, pass: 1 }, failing: ['mcp.tools-list'] });
  });

  test.each([
    ['run.json changed by one byte', sidecar, sha256Hex(runJson.replace('"fail"', '"pass"')), ID],
    ['the sidecar of another run', sidecar, sha256Hex(runJson), '20260301T100000Z-sandbox-bbbb'],
    ['no sidecar', undefined, sha256Hex(runJson), ID],
    ['a truncated sidecar', sidecar.slice(0, 40), sha256Hex(runJson), ID],
    ['a sidecar of the wrong shape', JSON.stringify({ schemaVersion: 1, summary: {} }), sha256Hex(runJson), ID],
  ])('refuses %s', (_what, text, hash, runId) => {
    expect(summaryFromSidecar(text, hash, runId)).toBeUndefined();
  });
});

describe('on disk', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'pb-summary-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const rel = `runs/${ID}/run.json`;

  test('writeRun writes a sidecar that vouches for its run.json by size and mtime', async () => {
    await writeRun(dir, run);
    const input = await readRunSummaryInput(dir, rel);
    expect(input).toMatchObject({ vouched: { failing: ['mcp.tools-list'] }, via: 'stat' });
    expect(summaryOf(input)).toMatchObject({ fromSidecar: true, summary: { failing: ['mcp.tools-list'] } });
    // run.json is dated back past the racy window, so the edit the next test makes is sure to move its mtime.
    expect(Date.now() - (await stat(path.join(dir, rel))).mtimeMs).toBeGreaterThanOrEqual(RACY_MTIME_MS);
  });

  test('with size and mtime unchanged the sidecar is trusted without reading run.json', async () => {
    await writeRun(dir, run);
    const file = path.join(dir, rel);
    const { mtime } = await stat(file);
    // Same size, other bytes, mtime put back: only a reader that skipped the bytes still takes the sidecar.
    await writeFile(file, (await readFile(file, 'utf8')).replace('"fail"', '"pass"'));
    await utimes(file, mtime, mtime);
    expect(await readRunSummaryInput(dir, rel)).toMatchObject({ via: 'stat', vouched: { failing: ['mcp.tools-list'] } });
  });

  test('an edited run.json is parsed again, and a bad one is reported with file, line and field', async () => {
    await writeRun(dir, run);
    const file = path.join(dir, rel);
    // Same size, written at once: only the mtime tells this edit apart.
    await writeFile(file, (await readFile(file, 'utf8')).replace('"fail"', '"pass"'));
    const edited = summaryOf(await readRunSummaryInput(dir, rel));
    expect(edited).toMatchObject({ fromSidecar: false, summary: { verdicts: { pass: 2 }, failing: [] } });

    await writeFile(file, (await readFile(file, 'utf8')).replace('"sse.heartbeat"', '42'));
    const input = await readRunSummaryInput(dir, rel);
    expect(() => summaryOf(input)).toThrow(new RegExp(`evaluation/runs/${ID}/run.json:\\d+ → records\\[1\\]\\.checkId`));
  });

  test('repairRunSummaries writes missing and stale sidecars, leaves good and invalid runs alone', async () => {
    const other = makeRun({ runId: '20260301T110000Z-ci-bbbb', at: '2026-03-01T11:00:00Z', verdicts: { 'mcp.tools-list': 'pass' } });
    const broken = makeRun({ runId: '20260301T120000Z-ci-cccc', at: '2026-03-01T12:00:00Z', verdicts: { 'mcp.tools-list': 'pass' } });
    for (const r of [run, other, broken]) await writeRun(dir, r);
    await rm(path.join(dir, 'runs', other.runId, RUN_SUMMARY_FILE));
    const edited = path.join(dir, rel);
    await writeFile(edited, (await readFile(edited, 'utf8')).replace('"fail"', '"pass"'));
    const brokenFile = path.join(dir, 'runs', broken.runId, 'run.json');
    await writeFile(brokenFile, '{"schemaVersion": 1, "runId": "truncated');
    const brokenSidecar = await readFile(path.join(dir, 'runs', broken.runId, RUN_SUMMARY_FILE), 'utf8');

    expect(await repairRunSummaries(dir, (await scanEvaluation(dir, [], [])).runFiles)).toEqual([ID, other.runId]);
    for (const r of [ID, other.runId]) expect(summaryOf(await readRunSummaryInput(dir, `runs/${r}/run.json`)).fromSidecar).toBe(true);
    expect(summaryOf(await readRunSummaryInput(dir, rel)).summary.failing).toEqual([]);
    expect(await readFile(path.join(dir, 'runs', broken.runId, RUN_SUMMARY_FILE), 'utf8')).toBe(brokenSidecar);
    expect(await repairRunSummaries(dir, (await scanEvaluation(dir, [], [])).runFiles)).toEqual([]);
  });

  test('repairRunSummaries leaves a sidecar whose run.json only got another mtime (a checkout): the build checks it by hash', async () => {
    await writeRun(dir, run);
    const file = path.join(dir, rel);
    const sidecar = await readFile(path.join(dir, 'runs', ID, RUN_SUMMARY_FILE), 'utf8');
    const checkedOut = new Date(Date.now() - 60_000);
    await utimes(file, checkedOut, checkedOut);
    expect(await repairRunSummaries(dir, (await scanEvaluation(dir, [], [])).runFiles)).toEqual([]);
    expect(await readFile(path.join(dir, 'runs', ID, RUN_SUMMARY_FILE), 'utf8')).toBe(sidecar);
    expect(await readRunSummaryInput(dir, rel)).toMatchObject({ via: 'hash', vouched: { failing: ['mcp.tools-list'] } });
  });

  test('the scan only keeps an mtime old enough that a later write must change it', async () => {
    await writeRun(dir, run);
    const [stamped] = (await scanEvaluation(dir, [], [])).runFiles;
    expect(stamped?.digest.mtimeMs).toBe((await stat(path.join(dir, rel))).mtimeMs);
    await writeFile(path.join(dir, rel), await readFile(path.join(dir, rel), 'utf8'));
    expect((await scanEvaluation(dir, [], [])).runFiles[0]?.digest).not.toHaveProperty('mtimeMs');
  });
});

test('vouchingMtime refuses an mtime inside the racy window', () => {
  const now = Date.parse('2026-11-24T12:00:00Z');
  expect(vouchingMtime(now - RACY_MTIME_MS, now)).toBe(now - RACY_MTIME_MS);
  expect(vouchingMtime(now - RACY_MTIME_MS + 1, now)).toBeUndefined();
  expect(vouchingMtime(now + 5_000, now)).toBeUndefined();
});
