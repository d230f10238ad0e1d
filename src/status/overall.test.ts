import { describe, expect, test } from 'vitest';
import { makeRecord, NOW, type RecordOverrides } from '../../tests/support/evidence-fixtures.ts';
import { check } from '../../tests/status/fixtures.ts';
import type { BaselineEntry } from '../schemas/baseline.ts';
import type { MaintenanceWindowInput } from '../schemas/maintenance.ts';
import { MaintenanceWindowSchema } from '../schemas/maintenance.ts';
import { summariseStatus } from './summarise.ts';

const ORIGINS = ['sandbox', 'lan-host', 'ci'] as const;
const fail: RecordOverrides = { verdict: 'fail', failureClass: 'http_status', measured: { status: 502 } };
const dns: RecordOverrides = { verdict: 'fail', failureClass: 'dns' };

/** Records of one check from each origin: `failing` lists the origins where it fails (with `how`). */
function fromOrigins(checkId: string, failing: readonly string[] = [], how: RecordOverrides = fail, extra: RecordOverrides = {}) {
  return ORIGINS.map((origin) => makeRecord({ checkId, origin, ...(failing.includes(origin) ? how : {}), ...extra }));
}

const baselineSandboxDns: BaselineEntry[] = [{ check: 'a.one', origin: 'sandbox', failureClass: 'dns', reason: 'r', doc: '/x/', since: '2025-09-18' }];
// Open from two hours before NOW to one hour after: NOW's records (one hour old) fall inside.
const window: MaintenanceWindowInput = { id: 'upgrade', title: 'Upgrade', affects: ['a.*'], start: '2026-11-24T13:00:00Z', duration: '3h' };
const retried = { attempts: [{ startedAt: '2026-11-24T13:59:00Z', finishedAt: '2026-11-24T13:59:01Z', verdict: 'fail' as const, summary: '502' }, { startedAt: '2026-11-24T13:59:02Z', finishedAt: '2026-11-24T14:00:00Z', verdict: 'pass' as const, summary: '200' }] };

const cases = [
  { name: 'every origin passes: operational', records: [...fromOrigins('a.one'), ...fromOrigins('b.two')], state: 'operational', down: [] },
  { name: 'one origin of three fails: below the quorum, degraded', records: [...fromOrigins('a.one', ['ci']), ...fromOrigins('b.two')], state: 'degraded', down: [] },
  { name: 'two origins of three fail: down, a partial outage', records: [...fromOrigins('a.one', ['ci', 'sandbox']), ...fromOrigins('b.two'), ...fromOrigins('c.three')], state: 'partial-outage', down: ['a.one'] },
  { name: 'one of two origins fails: half is not more than half', records: [makeRecord({ checkId: 'a.one', ...fail }), makeRecord({ checkId: 'a.one', origin: 'ci' })], state: 'degraded', down: [] },
  { name: 'a single origin that fails is all of them', records: [makeRecord({ checkId: 'a.one', ...fail }), ...fromOrigins('b.two'), ...fromOrigins('c.three')], state: 'partial-outage', down: ['a.one'] },
  { name: 'more than half of the checks down: major outage', records: [...fromOrigins('a.one', ORIGINS), ...fromOrigins('b.two', ORIGINS), ...fromOrigins('c.three')], state: 'major-outage', down: ['a.one', 'b.two'] },
  { name: 'an expected failure does not count toward the quorum', records: [makeRecord({ checkId: 'a.one', ...dns }), makeRecord({ checkId: 'a.one', origin: 'ci' })], baseline: baselineSandboxDns, state: 'operational', down: [] },
  { name: 'an origin limitation does not count either', records: [...fromOrigins('a.one', ['sandbox', 'ci'], dns)], state: 'operational', down: [] },
  { name: 'failures in a maintenance window: maintenance, never down', records: [...fromOrigins('a.one', ORIGINS), ...fromOrigins('b.two')], maintenance: [window], state: 'maintenance', down: [] },
  { name: 'a window does not hide a failure of a check it does not cover', records: [...fromOrigins('a.one', ORIGINS), ...fromOrigins('b.two', ORIGINS), ...fromOrigins('c.three')], maintenance: [window], state: 'partial-outage', down: ['b.two'] },
  { name: 'a pass after a retry is flaky, not failing: operational', records: [...fromOrigins('a.one', [], fail, retried), ...fromOrigins('b.two')], state: 'operational', down: [] },
  { name: 'more than half of the checks stale: unknown', records: [...fromOrigins('a.one', [], fail, { hoursAgo: 30 }), ...fromOrigins('b.two', [], fail, { hoursAgo: 30 }), ...fromOrigins('c.three')], state: 'unknown', down: [] },
  { name: 'a stale origin is no report: the fresh one decides', records: [makeRecord({ checkId: 'a.one', ...fail }), makeRecord({ checkId: 'a.one', origin: 'ci', hoursAgo: 30 }), ...fromOrigins('b.two'), ...fromOrigins('c.three')], state: 'partial-outage', down: ['a.one'] },
] as const;

describe('the overall state', () => {
  test.each(cases)('$name', ({ records, state, down, ...rest }) => {
    const input = rest as { baseline?: BaselineEntry[]; maintenance?: MaintenanceWindowInput[] };
    const model = summariseStatus({
      now: NOW,
      checks: [check('a.one'), check('b.two'), check('c.three')].filter((c) => records.some((r) => r.checkId === c.id)),
      records: [...records],
      baseline: input.baseline,
      maintenance: input.maintenance?.map((w) => MaintenanceWindowSchema.parse(w)),
    });
    expect(model.overall.state).toBe(state);
    expect(model.overall.down).toEqual(down);
    expect(model.overall.provenance).toBe('real');
  });

  test('flaky checks are counted as up, and their rows say flaky', () => {
    const model = summariseStatus({ now: NOW, checks: [check('a.one')], records: fromOrigins('a.one', [], fail, retried) });
    expect(model.overall.counts).toMatchObject({ up: 1, down: 0, degraded: 0 });
    expect(model.checks.get('a.one')!.rows.map((row) => [row.state, row.attempts])).toEqual(ORIGINS.map(() => ['flaky', 2]));
    expect(model.summary.counts.flaky).toBe(3);
  });

  test('decided on real evidence: a demo-only check is unknown there, and demo alone is labelled demo', () => {
    const mixed = summariseStatus({ now: NOW, checks: [check('a.one'), check('b.two'), check('c.three')], records: [...fromOrigins('a.one'), ...fromOrigins('c.three'), ...fromOrigins('b.two', ORIGINS, fail, { provenance: 'demo' })] });
    expect(mixed.overall).toMatchObject({ state: 'operational', provenance: 'real', unknown: ['b.two'] });
    const demo = summariseStatus({ now: NOW, checks: [check('a.one')], records: fromOrigins('a.one', ORIGINS, fail, { provenance: 'demo' }) });
    expect(demo.overall).toMatchObject({ state: 'major-outage', provenance: 'demo', down: ['a.one'] });
  });

  test('no evidence at all is unknown, and the rule is written out', () => {
    const model = summariseStatus({ now: NOW, checks: [check('a.one')], records: [] });
    expect(model.overall).toMatchObject({ state: 'unknown', unknown: ['a.one'] });
    expect(model.overall.rule).toMatch(/more than half of the origins that report on it fail/);
  });
});
