import { describe, expect, test } from 'vitest';
import { hoursAgo, makeRun, NOW } from '../../tests/support/evidence-fixtures.ts';
import type { GatewayFingerprint } from '../schemas/eval-run.ts';
import { DigestBuilder } from './evidence-digest.ts';
import { summariseStatus } from './summarise.ts';
import { describeChange, gatewayVersions, markVersionChanges, versionChanges } from './versions.ts';

const HOUR = 3_600_000;
const v = (litellmVersion?: string, traefikVersion?: string): GatewayFingerprint => ({ ...(litellmVersion ? { litellmVersion } : {}), ...(traefikVersion ? { traefikVersion } : {}) });

/** A real-stack run from ci `hours` before NOW, whose mcp.tools-list saw `tools`, answered by `gateway`. */
function run(hours: number, gateway: GatewayFingerprint | undefined, tools = ['a-x'], origin = 'ci') {
  return makeRun({
    at: hoursAgo(hours), origin, environment: 'real-stack', ...(gateway ? { gateway } : {}),
    records: [{ checkId: 'mcp.tools-list', measured: { tools: tools.map((name) => ({ name })) } }, { checkId: 'health.readiness' }],
  });
}

/** The status model of `runs` (newest first) as the site computes it: through the evidence digest. */
function statusOf(runs: ReturnType<typeof run>[]) {
  const builder = new DigestBuilder();
  for (const r of runs) builder.add(r);
  return summariseStatus({ now: NOW, checks: [], digest: builder.finish(runs.length) });
}

describe('version changes between two runs', () => {
  test.each([
    ['same versions', v('1.108.4', '3.7.15'), v('1.108.4', '3.7.15'), []],
    ['LiteLLM upgraded', v('1.107.0', '3.7.15'), v('1.108.4', '3.7.15'), ['LiteLLM 1.107.0 → 1.108.4']],
    ['both changed', v('1.107.0', '3.6.0'), v('1.108.4', '3.7.15'), ['LiteLLM 1.107.0 → 1.108.4', 'Traefik 3.6.0 → 3.7.15']],
    ['Traefik unknown on one side: not a change', v('1.108.4'), v('1.108.4', '3.7.15'), []],
    ['one run recorded nothing: cannot tell', undefined, v('1.108.4'), undefined],
  ])('%s', (_name, before, after, expected) => {
    expect(versionChanges(before, after)?.map(describeChange)).toEqual(expected);
  });
});

describe('versions on the status model', () => {
  test('each row carries the versions of the run it came from', () => {
    const model = statusOf([run(1, v('1.108.4', '3.7.15')), run(2, v('1.107.0', '3.7.15'))]);
    const rows = model.groups.flatMap((g) => g.checks.flatMap((c) => c.rows));
    expect(rows.map((row) => row.gateway)).toEqual([v('1.108.4', '3.7.15'), v('1.108.4', '3.7.15')]);
  });

  test('the versions per target × origin mark an upgrade since the run before', () => {
    const [newer, older] = [run(1, v('1.108.4', '3.7.15')), run(2, v('1.107.0', '3.7.15'))];
    expect(statusOf([newer, older]).versions).toEqual([
      { target: 'real-stack', origin: 'ci', runId: newer.runId, finishedAt: newer.finishedAt, provenance: 'real', litellmVersion: '1.108.4', traefikVersion: '3.7.15', previousRun: older.runId, changes: [{ software: 'litellm', from: '1.107.0', to: '1.108.4' }] },
    ]);
    expect(statusOf([run(1, v('1.108.4')), run(2, v('1.108.4'))]).versions[0]!.changes).toEqual([]);
  });

  test('the versions a demo gateway run recorded are marked as the demo gateway\'s', () => {
    const demo = makeRun({ at: hoursAgo(1), environment: 'demo', gateway: v('1.108.4'), records: [{ checkId: 'health.readiness' }] });
    expect(statusOf([demo, run(2, v('1.108.4'))]).versions.map((entry) => [entry.target, entry.provenance])).toEqual([['demo', 'demo'], ['real-stack', 'real']]);
  });

  test('a run that recorded no versions is passed over; another origin is its own scope', () => {
    const versions = statusOf([run(1, undefined), run(2, v('1.108.4')), run(3, v('1.107.0'), ['a-x'], 'lan-host')]).versions;
    expect(versions.map((entry) => [entry.origin, entry.litellmVersion, entry.previousRun])).toEqual([['ci', '1.108.4', undefined], ['lan-host', '1.107.0', undefined]]);
  });

  test('tool-catalog drift after an upgrade is told apart from drift with the same versions', () => {
    const upgraded = statusOf([run(1, v('1.108.4', '3.7.15'), ['a-x', 'a-y']), run(2, v('1.107.0', '3.7.15'), ['a-x'])]);
    expect(upgraded.drift).toMatchObject([{ added: ['a-y'], versionChanges: [{ software: 'litellm', from: '1.107.0', to: '1.108.4' }] }]);
    const onItsOwn = statusOf([run(1, v('1.108.4', '3.7.15'), ['a-x', 'a-y']), run(2, v('1.108.4', '3.7.15'), ['a-x'])]);
    expect(onItsOwn.drift).toMatchObject([{ added: ['a-y'], versionChanges: [] }]);
    const unknown = statusOf([run(1, v('1.108.4'), ['a-x', 'a-y']), run(2, undefined, ['a-x'])]);
    expect(unknown.drift[0]).not.toHaveProperty('versionChanges');
  });

  test('drift entries whose runs are not among the heads stay unmarked', () => {
    const entry = { target: 't', origin: 'o', fromRun: 'r1', toRun: 'r2', added: ['x'], removed: [], changed: [] };
    expect(markVersionChanges([entry], [])).toEqual([entry]);
    expect(gatewayVersions([])).toEqual([]);
  });
});

describe('the digest reads far enough to see a version change', () => {
  test('it does not stop before every scope that records versions has two runs with them', () => {
    const builder = new DigestBuilder();
    // The newest run alone would settle every row (all pass) and has no tool catalog to compare.
    builder.add(makeRun({ at: hoursAgo(1), origin: 'ci', environment: 'real-stack', gateway: v('1.108.4'), verdicts: { 'health.readiness': 'pass' } }));
    expect(builder.isEnough(new Set(), 100 * HOUR, 100 * HOUR)).toBe(false);
    builder.add(makeRun({ at: hoursAgo(2), origin: 'ci', environment: 'real-stack', gateway: v('1.107.0'), verdicts: { 'health.readiness': 'pass' } }));
    expect(builder.isEnough(new Set(), 100 * HOUR, 100 * HOUR)).toBe(true);
    expect(builder.finish(2).runs.map((head) => head.gateway?.litellmVersion)).toEqual(['1.108.4', '1.107.0']);
  });
});
