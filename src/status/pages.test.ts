import { describe, expect, test } from 'vitest';
import { makeRecord, NOW } from '../../tests/support/evidence-fixtures.ts';
import { check } from '../../tests/status/fixtures.ts';
import { linkedRunIds, selectEvidenceRuns } from './run-pages.ts';
import { directiveChecks, judgePage, pageChecks } from './page-state.ts';
import { summariseStatus } from './summarise.ts';

const model = summariseStatus({
  now: NOW,
  checks: [check('mcp.tools-list'), check('sse.heartbeat', 6), check('clients.cursor'), check('health.readiness')],
  records: [
    makeRecord({ checkId: 'mcp.tools-list', hoursAgo: 1 }),
    makeRecord({ checkId: 'sse.heartbeat', hoursAgo: 8 }),
    makeRecord({ checkId: 'health.readiness', hoursAgo: 3, verdict: 'fail', failureClass: 'http_status' }),
    makeRecord({ checkId: 'health.readiness', hoursAgo: 2, verdict: 'fail', failureClass: 'http_status' }),
  ],
});

describe('page evidence', () => {
  test('frontmatter and directives, each once', () => {
    expect(directiveChecks('See :check[mcp.tools-list] and :check[sse.heartbeat]{x}, not :check[Bad Id].')).toEqual(['mcp.tools-list', 'sse.heartbeat']);
    expect(pageChecks(['sse.heartbeat'], 'x :check[mcp.tools-list] :check[sse.heartbeat]')).toEqual(['sse.heartbeat', 'mcp.tools-list']);
  });

  test('a page with failing, stale and missing evidence lists each, worst first, naming target and origin, with since when', () => {
    const page = judgePage(model, ['mcp.tools-list', 'sse.heartbeat', 'health.readiness', 'clients.cursor', 'nope.nothing']);
    expect(page.state).toBe('fail');
    expect(page.problems).toEqual([
      { checkId: 'health.readiness', target: 'internal', origin: 'sandbox', state: 'fail', since: '2026-11-24T12:00:00.000Z' },
      { checkId: 'sse.heartbeat', target: 'internal', origin: 'sandbox', state: 'stale', since: '2026-11-24T13:00:00.000Z' },
      { checkId: 'clients.cursor', state: 'missing' },
      { checkId: 'nope.nothing', state: 'missing' },
    ]);
  });

  test('a check stale from one origin and fresh from another names the stale origin only', () => {
    const mixed = summariseStatus({
      now: NOW,
      checks: [check('clients.codex', 6)],
      records: [makeRecord({ checkId: 'clients.codex', hoursAgo: 30, origin: 'lan-host' }), makeRecord({ checkId: 'clients.codex', hoursAgo: 0.01, origin: 'local' })],
    });
    const page = judgePage(mixed, ['clients.codex']);
    expect(page.problems).toEqual([{ checkId: 'clients.codex', target: 'internal', origin: 'lan-host', state: 'stale', since: '2026-11-23T15:00:00.000Z' }]);
    // The pill shows the stale row's age, not the fresh row's.
    expect(mixed.checks.get('clients.codex')!.decidedBy).toMatchObject({ origin: 'lan-host', ageMs: 30 * 3_600_000 });
  });

  test('demo and sample evidence are named on the page', () => {
    const demo = summariseStatus({ now: NOW, checks: [check('mcp.tools-list')], records: [makeRecord({ checkId: 'mcp.tools-list', provenance: 'demo' })] });
    expect(judgePage(demo, ['mcp.tools-list'])).toMatchObject({ state: 'pass', provenance: ['demo'], verified: { provenance: 'demo' } });
  });

  test('stale since comes from the stale evidence, not from fresh evidence of another origin', () => {
    const mixed = summariseStatus({
      now: NOW,
      checks: [check('sse.heartbeat', 6)],
      records: [makeRecord({ checkId: 'sse.heartbeat', hoursAgo: 30, origin: 'lan-host' }), makeRecord({ checkId: 'sse.heartbeat', hoursAgo: 1, origin: 'local' })],
    });
    expect(judgePage(mixed, ['sse.heartbeat']).problems).toEqual([{ checkId: 'sse.heartbeat', target: 'internal', origin: 'lan-host', state: 'stale', since: '2026-11-23T15:00:00.000Z' }]);
  });

  test('a page whose evidence passes says where and when it was verified', () => {
    expect(judgePage(model, ['mcp.tools-list'])).toEqual({
      state: 'pass',
      problems: [],
      notes: [],
      verified: { finishedAt: '2026-11-24T14:00:00.000Z', ageMs: 3_600_000, origins: ['sandbox'], targets: ['internal'], provenance: 'real' },
      provenance: ['real'],
      incidents: [],
    });
  });

  test('an active incident shows on a page backed by a check it affects; a resolved one does not', () => {
    const at = (hour: number) => `2026-11-24T${String(hour).padStart(2, '0')}:00:00Z`;
    const incident = (id: string, stages: ('investigating' | 'resolved')[], affects: string) => ({ id, title: id, body: '', affects: [{ check: affects }], timeline: stages.map((status, i) => ({ at: at(10 + i), status, note: status })) });
    const withIncidents = summariseStatus({ now: NOW, checks: [check('mcp.tools-list'), check('sse.heartbeat')], records: [], incidents: [incident('open', ['investigating'], 'mcp.*'), incident('closed', ['investigating', 'resolved'], 'mcp.tools-list')] });
    expect(withIncidents.incidents.map((i) => [i.id, i.isActive, i.checks])).toEqual([['open', true, ['mcp.tools-list']], ['closed', false, ['mcp.tools-list']]]);
    expect(judgePage(withIncidents, ['mcp.tools-list']).incidents.map((i) => i.id)).toEqual(['open']);
    expect(judgePage(withIncidents, ['sse.heartbeat']).incidents).toEqual([]);
  });
});

describe('evidence pages', () => {
  test('latest K runs per environment × origin plus runs the latest rows point at', () => {
    const runs = [1, 2, 3, 4].flatMap((hours) => [
      { runId: `r${hours}-sandbox`, environment: 'internal', origin: 'sandbox', provenance: 'real' as const, finishedAt: new Date(NOW.getTime() - hours * 3_600_000).toISOString() },
      { runId: `r${hours}-ci`, environment: 'internal', origin: 'ci', provenance: 'real' as const, finishedAt: new Date(NOW.getTime() - hours * 3_600_000).toISOString() },
    ]);
    const pointed = summariseStatus({ now: NOW, checks: [], records: [makeRecord({ checkId: 'a.b', runId: 'r4-ci' })] });
    expect([...selectEvidenceRuns(runs, linkedRunIds(pointed), 2)].sort()).toEqual(['r1-ci', 'r1-sandbox', 'r2-ci', 'r2-sandbox', 'r4-ci']);
    // Both runs of a drift entry are linked from /status, so they get pages too; unknown runs never do.
    const drifted = { ...pointed, drift: [{ target: 'internal', origin: 'ci', fromRun: 'r3-ci', toRun: 'r2-ci', added: ['x'], removed: [], changed: [] }, { target: 'internal', origin: 'ci', fromRun: 'gone', toRun: 'r1-ci', added: [], removed: ['y'], changed: [] }] };
    expect([...selectEvidenceRuns(runs, linkedRunIds(drifted as never), 1)].sort()).toEqual(['r1-ci', 'r1-sandbox', 'r2-ci', 'r3-ci', 'r4-ci']);
  });
});
