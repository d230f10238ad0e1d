import { describe, expect, test } from 'vitest';
import { makeHistoryDay, makeRecord, NOW } from '../../tests/support/evidence-fixtures.ts';
import { check } from '../../tests/status/fixtures.ts';
import { summariseStatus } from './summarise.ts';

const tools = (...names: [string, string][]) => names.map(([name, schemaDigest]) => ({ name, schemaDigest }));

describe('latest record per check × target × origin', () => {
  test('the newest record wins, and since marks the start of its streak', () => {
    const model = summariseStatus({
      now: NOW,
      checks: [check('mcp.tools-list')],
      records: [
        makeRecord({ checkId: 'mcp.tools-list', hoursAgo: 5, verdict: 'pass' }),
        makeRecord({ checkId: 'mcp.tools-list', hoursAgo: 3, verdict: 'fail', failureClass: 'http_status' }),
        makeRecord({ checkId: 'mcp.tools-list', hoursAgo: 2, verdict: 'fail', failureClass: 'http_status' }),
        makeRecord({ checkId: 'mcp.tools-list', hoursAgo: 4, verdict: 'pass', origin: 'lan-host' }),
      ],
    });
    const rows = model.checks.get('mcp.tools-list')!.rows;
    expect(rows.map((row) => [row.origin, row.state, row.since])).toEqual([
      ['lan-host', 'pass', '2026-11-24T11:00:00.000Z'],
      ['sandbox', 'fail', '2026-11-24T12:00:00.000Z'],
    ]);
    expect(model.checks.get('mcp.tools-list')!.state).toBe('fail');
  });

  test('captures of one sitting are decided by what they can say (doctor over mcp list), never by file name', () => {
    const imported = (kind: string, file: string, finishedAt: string, verdict: 'pass' | 'fail') =>
      makeRecord({ checkId: 'clients.codex-cli', finishedAt, verdict, failureClass: verdict === 'fail' ? 'config_invalid' : null, runId: `import:${file}`, source: { type: 'import', kind, file } });
    // The list sorts after the doctor by name and finishes 20 s later; the doctor still stands.
    const doctor = imported('codex-doctor-json', 'imports/a-doctor.json', '2026-11-24T10:00:00Z', 'fail');
    const list = imported('codex-mcp-list-json', 'imports/z-list.json', '2026-11-24T10:00:20Z', 'pass');
    for (const records of [[doctor, list], [list, doctor]]) {
      const row = summariseStatus({ now: NOW, checks: [check('clients.codex-cli')], records }).checks.get('clients.codex-cli')!.rows[0]!;
      expect(row).toMatchObject({ verdict: 'fail', failureClass: 'config_invalid', importedFrom: 'imports/a-doctor.json' });
    }
    // An hour later, a new list is the latest word.
    const later = imported('codex-mcp-list-json', 'imports/b-list.json', '2026-11-24T11:00:00Z', 'pass');
    expect(summariseStatus({ now: NOW, checks: [check('clients.codex-cli')], records: [doctor, later] }).checks.get('clients.codex-cli')!.rows[0]!.verdict).toBe('pass');
  });

  test('records are ordered by time, not by how the offset is written', () => {
    const model = summariseStatus({
      now: NOW,
      checks: [check('health.liveliness')],
      records: [
        makeRecord({ checkId: 'health.liveliness', finishedAt: '2026-11-24T14:30:00+02:00', verdict: 'pass' }),
        makeRecord({ checkId: 'health.liveliness', finishedAt: '2026-11-24T13:00:00Z', verdict: 'fail', failureClass: 'http_status' }),
      ],
    });
    expect(model.checks.get('health.liveliness')!.rows[0]!.verdict).toBe('fail');
  });
});

describe('freshness', () => {
  test.each([
    ['fresh within the check window', 5, 6, 'pass'],
    ['stale beyond the check window', 7, 6, 'stale'],
    ['stale beyond the 24h default', 25, undefined, 'stale'],
    ['fresh within the 24h default', 23, undefined, 'pass'],
  ])('%s', (_name, age, windowHours, expected) => {
    const checks = windowHours === undefined ? [] : [check('sse.heartbeat', windowHours)];
    const model = summariseStatus({ now: NOW, checks, records: [makeRecord({ checkId: 'sse.heartbeat', hoursAgo: age })] });
    expect(model.checks.get('sse.heartbeat')!.state).toBe(expected);
  });

  test('a defined check with no evidence is missing', () => {
    const model = summariseStatus({ now: NOW, checks: [check('clients.cursor')], records: [] });
    expect(model.checks.get('clients.cursor')).toMatchObject({ state: 'missing', rows: [] });
    expect(model.summary.counts.missing).toBe(1);
  });

  test('evidence for a check nobody defined is shown, marked unknown', () => {
    const model = summariseStatus({ now: NOW, checks: [], records: [makeRecord({ checkId: 'mcp.extra' })] });
    expect(model.checks.get('mcp.extra')).toMatchObject({ isUnknown: true, group: 'mcp', state: 'pass' });
  });
});

describe('baseline', () => {
  const baseline = [{ check: 'mcp.tools-list', target: 'internal', origin: 'sandbox', failureClass: 'dns' as const, reason: 'No LAN route', doc: '/runbooks/reachability/', since: '2025-09-18' }];

  test('a baselined failure is expected-fail and the entry is active', () => {
    const model = summariseStatus({
      now: NOW,
      checks: [check('mcp.tools-list')],
      baseline,
      records: [makeRecord({ checkId: 'mcp.tools-list', verdict: 'fail', failureClass: 'dns' })],
    });
    expect(model.checks.get('mcp.tools-list')!.rows[0]).toMatchObject({ state: 'expected-fail', verdict: 'expected-fail', isBaselineStale: false });
    expect(model.baseline.map((entry) => [entry.id, entry.state])).toEqual([['mcp.tools-list@internal@sandbox', 'active']]);
  });

  test('a baselined entry that now passes is flagged stale', () => {
    const model = summariseStatus({ now: NOW, checks: [check('mcp.tools-list')], baseline, records: [makeRecord({ checkId: 'mcp.tools-list' })] });
    expect(model.checks.get('mcp.tools-list')!.rows[0]).toMatchObject({ state: 'pass', isBaselineStale: true });
    expect(model.baseline[0]!.state).toBe('stale');
  });

  test.each([
    ['tcp_refused', undefined],
    ['tls', undefined],
    ['timeout', undefined],
    ['http_status', 502],
  ] as const)('a %s failure (status %s) is not the dns failure the entry expects: it stays red', (failureClass, status) => {
    const model = summariseStatus({
      now: NOW,
      checks: [check('mcp.tools-list')],
      baseline,
      records: [makeRecord({ checkId: 'mcp.tools-list', verdict: 'fail', failureClass, measured: status ? { status } : {} })],
    });
    expect(model.checks.get('mcp.tools-list')!.rows[0]).toMatchObject({ state: 'fail', verdict: 'fail' });
    expect(model.baseline[0]!.state).toBe('unmatched');
  });

  test('an entry that names a status expects that status only', () => {
    const entry = { ...baseline[0]!, failureClass: 'http_status' as const, status: 404 };
    const records = (status: number) => [makeRecord({ checkId: 'mcp.tools-list', verdict: 'fail', failureClass: 'http_status', measured: { status } })];
    expect(summariseStatus({ now: NOW, checks: [check('mcp.tools-list')], baseline: [entry], records: records(404) }).checks.get('mcp.tools-list')!.state).toBe('expected-fail');
    expect(summariseStatus({ now: NOW, checks: [check('mcp.tools-list')], baseline: [entry], records: records(502) }).checks.get('mcp.tools-list')!.state).toBe('fail');
  });

  test('an entry scoped to one origin leaves other origins alone; no evidence leaves it unmatched', () => {
    const model = summariseStatus({
      now: NOW,
      checks: [check('mcp.tools-list')],
      baseline: [...baseline, { ...baseline[0]!, check: 'clients.cursor' }],
      records: [makeRecord({ checkId: 'mcp.tools-list', origin: 'ci', verdict: 'fail', failureClass: 'protocol' })],
    });
    expect(model.checks.get('mcp.tools-list')!.rows[0]!.state).toBe('fail');
    expect(model.baseline.map((entry) => entry.state)).toEqual(['unmatched', 'unmatched']);
  });
});

describe('origin-scoped reachability', () => {
  const passLan = makeRecord({ checkId: 'mcp.tools-list', origin: 'lan-host' });
  test.each([
    ['dns', undefined, 'limited'],
    ['tcp_refused', undefined, 'limited'],
    ['timeout', undefined, 'limited'],
    ['timeout', 504, 'fail'],
    ['http_status', 502, 'fail'],
  ] as const)('%s (status %s) from sandbox while lan-host passes → %s', (failureClass, status, expected) => {
    const failing = makeRecord({ checkId: 'mcp.tools-list', verdict: 'fail', failureClass, measured: status ? { status } : {} });
    const model = summariseStatus({ now: NOW, checks: [check('mcp.tools-list')], records: [failing, passLan] });
    const sandbox = model.checks.get('mcp.tools-list')!.rows.find((row) => row.origin === 'sandbox')!;
    expect(sandbox.state).toBe(expected);
    expect(model.limitations.length).toBe(expected === 'limited' ? 1 : 0);
    expect(model.checks.get('mcp.tools-list')!.state).toBe(expected === 'limited' ? 'limited' : 'fail');
  });

  test('a DNS failure with no passing origin is an outage', () => {
    const model = summariseStatus({
      now: NOW,
      checks: [check('mcp.tools-list')],
      records: [makeRecord({ checkId: 'mcp.tools-list', verdict: 'fail', failureClass: 'dns' }), makeRecord({ checkId: 'mcp.tools-list', origin: 'lan-host', hoursAgo: 30 })],
    });
    expect(model.checks.get('mcp.tools-list')!.rows.map((row) => row.state)).toEqual(['stale', 'fail']);
    expect(model.limitations).toEqual([]);
  });

  test('the limitation names the origins that pass', () => {
    const model = summariseStatus({
      now: NOW,
      checks: [check('mcp.tools-list')],
      records: [makeRecord({ checkId: 'mcp.tools-list', verdict: 'error', failureClass: 'tcp_refused' }), passLan, makeRecord({ checkId: 'mcp.tools-list', origin: 'ci' })],
    });
    expect(model.limitations).toEqual([
      { checkId: 'mcp.tools-list', target: 'internal', origin: 'sandbox', failureClass: 'tcp_refused', passingOrigins: ['ci', 'lan-host'], since: '2026-11-24T14:00:00.000Z' },
    ]);
  });
});

describe('tool-catalog drift', () => {
  test('added, removed and changed tools between the two latest runs of one target × origin', () => {
    const model = summariseStatus({
      now: NOW,
      checks: [check('mcp.tools-list')],
      records: [
        makeRecord({ checkId: 'mcp.tools-list', hoursAgo: 9, measured: { tools: tools(['a', '1'], ['b', '1'], ['old', '1']) } }),
        makeRecord({ checkId: 'mcp.tools-list', hoursAgo: 5, measured: { tools: tools(['a', '1'], ['b', '1'], ['c', '1']) } }),
        makeRecord({ checkId: 'mcp.tools-list', hoursAgo: 1, measured: { tools: tools(['a', '2'], ['c', '1'], ['d', '1']) } }),
        makeRecord({ checkId: 'mcp.tools-list', origin: 'lan-host', measured: { tools: tools(['a', '1']) } }),
      ],
    });
    expect(model.drift).toEqual([
      { target: 'internal', origin: 'sandbox', fromRun: '20261124T100000Z-sandbox-abcd', toRun: '20261124T140000Z-sandbox-abcd', added: ['d'], removed: ['b'], changed: ['a'] },
    ]);
  });

  test('an unchanged catalog or an unknown digest is not drift', () => {
    const model = summariseStatus({
      now: NOW,
      checks: [],
      records: [
        makeRecord({ checkId: 'mcp.tools-list', hoursAgo: 2, measured: { tools: [{ name: 'a' }] } }),
        makeRecord({ checkId: 'mcp.tools-list', hoursAgo: 1, measured: { tools: tools(['a', '9']) } }),
      ],
    });
    expect(model.drift).toEqual([]);
  });
});

describe('outstanding items', () => {
  const item = { id: 'lan-catalog', title: 'Capture the catalog from the LAN', detail: 'd', closes: [{ check: 'mcp.tools-list', origin: 'lan-host' }, { check: 'sse.heartbeat' }] };

  test.each([
    ['all closing checks pass fresh', [makeRecord({ checkId: 'mcp.tools-list', origin: 'lan-host' }), makeRecord({ checkId: 'sse.heartbeat' })], true, ['pass', 'pass']],
    ['one is stale', [makeRecord({ checkId: 'mcp.tools-list', origin: 'lan-host', hoursAgo: 48 }), makeRecord({ checkId: 'sse.heartbeat' })], false, ['stale', 'pass']],
    ['one is missing', [makeRecord({ checkId: 'sse.heartbeat' })], false, ['missing', 'pass']],
    ['the scoped origin fails though another passes', [makeRecord({ checkId: 'mcp.tools-list', origin: 'lan-host', verdict: 'fail', failureClass: 'protocol' }), makeRecord({ checkId: 'mcp.tools-list' }), makeRecord({ checkId: 'sse.heartbeat' })], false, ['fail', 'pass']],
    ['an origin-limited row does not block', [makeRecord({ checkId: 'mcp.tools-list', origin: 'lan-host' }), makeRecord({ checkId: 'sse.heartbeat', origin: 'lan-host' }), makeRecord({ checkId: 'sse.heartbeat', verdict: 'fail', failureClass: 'dns' })], true, ['pass', 'pass']],
  ])('%s', (_name, records, ready, states) => {
    const model = summariseStatus({ now: NOW, checks: [check('mcp.tools-list'), check('sse.heartbeat')], records, outstanding: [item] });
    expect(model.outstanding[0]!.isReadyToClose).toBe(ready);
    expect(model.outstanding[0]!.closes.map((closing) => closing.state)).toEqual(states);
  });

  test('demo and sample evidence close nothing, and the item says why', () => {
    const records = [makeRecord({ checkId: 'mcp.tools-list', origin: 'lan-host', provenance: 'demo' }), makeRecord({ checkId: 'sse.heartbeat', provenance: 'sample' })];
    const model = summariseStatus({ now: NOW, checks: [check('mcp.tools-list'), check('sse.heartbeat')], records, outstanding: [item] });
    expect(model.outstanding[0]!.isReadyToClose).toBe(false);
    expect(model.outstanding[0]!.closes.map((closing) => [closing.state, closing.reason])).toEqual([
      ['missing', 'only demo evidence, which closes nothing'],
      ['missing', 'only sample evidence, which closes nothing'],
    ]);
  });

  test('a pass from an origin that could not reach the gateway closes nothing', () => {
    const codex = { id: 'codex-workflow', title: 'Codex', detail: 'd', closes: [{ check: 'clients.codex-cli' }] };
    // The config loads (the CLI never connects), but the gateway does not resolve from the sandbox.
    const records = [makeRecord({ checkId: 'clients.codex-cli' }), makeRecord({ checkId: 'mcp.tools-list', verdict: 'fail', failureClass: 'dns' })];
    const model = summariseStatus({ now: NOW, checks: [check('clients.codex-cli'), check('mcp.tools-list')], records, outstanding: [codex] });
    expect(model.outstanding[0]).toMatchObject({ isReadyToClose: false, closes: [{ state: 'limited', reason: 'only from sandbox, which could not reach internal' }] });
    const fromLan = summariseStatus({ now: NOW, checks: [check('clients.codex-cli'), check('mcp.tools-list')], records: [...records, makeRecord({ checkId: 'clients.codex-cli', origin: 'lan-host' })], outstanding: [codex] });
    expect(fromLan.outstanding[0]!.isReadyToClose).toBe(true);
  });

  test('a baselined failure from another origin does not hold the item open', () => {
    const webui = { id: 'runbooks-evidence', title: 'Open WebUI', detail: 'd', closes: [{ check: 'clients.open-webui' }] };
    const baseline = [{ check: 'clients.open-webui', origin: 'sandbox', failureClass: 'http_status' as const, reason: 'r', doc: '/outstanding/', since: '2025-09-18' }];
    const records = [makeRecord({ checkId: 'clients.open-webui', verdict: 'fail', failureClass: 'http_status' }), makeRecord({ checkId: 'clients.open-webui', origin: 'lan-host' })];
    const model = summariseStatus({ now: NOW, checks: [check('clients.open-webui')], records, baseline, outstanding: [webui] });
    expect(model.checks.get('clients.open-webui')!.rows.map((row) => row.state)).toEqual(['pass', 'expected-fail']);
    expect(model.outstanding[0]!.isReadyToClose).toBe(true);
  });
});

describe('summary and history', () => {
  test('counts by state and the oldest evidence', () => {
    const model = summariseStatus({
      now: NOW,
      checks: [check('a.one'), check('a.two'), check('b.three'), check('b.four', 1)],
      records: [makeRecord({ checkId: 'a.one', hoursAgo: 2 }), makeRecord({ checkId: 'a.two', verdict: 'degraded' }), makeRecord({ checkId: 'b.four', hoursAgo: 3 })],
    });
    expect(model.summary).toMatchObject({ checks: 4, rows: 3, counts: { pass: 1, degraded: 1, stale: 1, missing: 1, fail: 0 } });
    expect(model.summary.oldest).toMatchObject({ checkId: 'b.four', ageMs: 3 * 3_600_000 });
    expect(model.groups.map((group) => [group.id, group.state])).toEqual([['a', 'degraded'], ['b', 'stale']]);
  });

  test('history keeps the window only, one mark per day, worst bucket wins', () => {
    const model = summariseStatus({
      now: NOW,
      checks: [check('a.one'), check('a.two')],
      records: [],
      historyDays: 4,
      history: [
        makeHistoryDay('2026-11-01', [{ checkId: 'a.one', fail: 3 }]),
        makeHistoryDay('2026-11-21', [{ checkId: 'a.one', pass: 5 }]),
        makeHistoryDay('2026-11-23', [{ checkId: 'a.one', pass: 5 }, { checkId: 'a.one', degraded: 1 }]),
        makeHistoryDay('2026-11-24', [{ checkId: 'a.one', pass: 1, error: 1 }]),
      ],
    });
    expect(model.historyRange).toEqual({ from: '2026-11-21', to: '2026-11-24', days: 4 });
    expect(model.checks.get('a.one')!.history).toBe('p-df');
    expect(model.checks.get('a.two')!.history).toBe('----');
  });

  test('unparseable artifacts pass through', () => {
    const unparseable = [{ file: 'imports/x.log', line: 3, reason: 'no parser for this' }];
    expect(summariseStatus({ now: NOW, checks: [], records: [], unparseable }).unparseable).toEqual(unparseable);
  });
});
