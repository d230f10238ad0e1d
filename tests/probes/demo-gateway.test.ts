import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { startDemoGateway, type DemoGateway } from '../../src/demo-gateway/index.ts';
import { executeRun } from '../../src/probes/run.ts';
import { CheckSchema } from '../../src/schemas/check.ts';
import { GatewaySchema } from '../../src/schemas/gateway.ts';
import { probeAll, probeOne, startHttp } from './helpers.ts';

// Every probe kind against the demo gateway over loopback (the LiteLLM + Traefik stand-in of issue 4).
const KEY = 'sk-demo-probe-test-7d41c2';
const env = { PB_TEST_KEY: KEY };
let gw: DemoGateway;
beforeAll(async () => {
  gw = await startDemoGateway({ masterKey: KEY, pingIntervalMs: 100, toolsPageSize: 4 });
});
afterAll(() => gw?.stop());
afterEach(() => {
  gw.faults.setUpstreamUnreachable('mcp_filesystem', false);
  gw.faults.setCutStreams(false);
  gw.faults.setServerError(null);
  gw.faults.setLatency(0);
});

const statusRoute = {
  id: 'routing.status-route', title: 's', kind: 'http', path: '/schedule/model_cost_map_reload/status', auth: 'none',
  expect: { status: 200, json: [{ path: 'scheduled', exists: true }, { path: 'interval_hours', exists: true }] },
} as const;
const authMatrix = {
  id: 'routing.auth-matrix', title: 'a', kind: 'auth-matrix',
  paths: [{ path: '/v1/models', none: 'traefik-404', wrong: 'litellm-401', right: 'ok' }, { path: '/openapi.json', none: 'ok' }],
} as const;
const filesystem = { id: 'mcp.server-filesystem', title: 'f', kind: 'mcp', servers: ['mcp_filesystem'], expect: { partialIs: 'fail' } } as const;
const heartbeat = { id: 'sse.heartbeat', title: 'h', kind: 'sse-capture', window: '1s', timeout: '3s', expect: { minPings: 3, pingInterval: '100ms', catalog: 'absent' } } as const;

describe('probe kinds against the demo gateway', () => {
  test('http: the status route answers without a client key, JSON conditions carry actual values', async () => {
    const record = await probeOne(gw.url, statusRoute, env);
    expect(record.verdict).toBe('pass');
    expect(record.conditions).toEqual([
      { condition: 'status == 200', ok: true, actual: '200' },
      { condition: '[BODY].scheduled exists', ok: true, actual: 'false' },
      { condition: '[BODY].interval_hours exists', ok: true, actual: 'null' },
    ]);
    expect(record.origin).toBe('ci');
  });

  test('auth-matrix: Traefik 404, LiteLLM 401 and 200 are told apart', async () => {
    const record = await probeOne(gw.url, authMatrix, env);
    expect(record.verdict).toBe('pass');
    expect(record.measured.authCases?.map((c) => `${c.key} ${c.actual}`)).toEqual(['none 404 traefik-404', 'wrong 401 litellm-401', 'right 200', 'none 200']);
  });

  test('auth-matrix: expecting the wrong outcome fails with http_status', async () => {
    const record = await probeOne(gw.url, { ...authMatrix, paths: [{ path: '/v1/models', none: 'ok' }] }, env);
    expect([record.verdict, record.failureClass, record.summary]).toEqual(['fail', 'http_status', 'GET /v1/models with none key → ok — got 404 traefik-404']);
  });

  test('mcp: paginated tools/list, tools per server, server_outcomes, session ended', async () => {
    const [all, fs] = await probeAll(gw.url, [{ id: 'mcp.tools-list', title: 't', kind: 'mcp' }, filesystem], env);
    // mcp_postgres has no database here, so the gateway reports it unreachable: partly working is degraded.
    expect([all!.verdict, all!.failureClass]).toEqual(['degraded', 'expectation']);
    expect(all!.measured.serverOutcomes?.mcp_postgres?.status).toBe('unreachable');
    expect(all!.measured.toolsByServer?.mcp_postgres).toBe(0);
    expect(fs!.verdict).toBe('pass');
    expect(fs!.measured.protocolVersion).toBe('2025-11-25');
    expect(fs!.measured.toolsByServer?.mcp_filesystem).toBeGreaterThan(4);
    expect(fs!.measured.extra?.pages).toBeGreaterThan(1);
    expect(fs!.measured.tools?.every((t) => t.server === 'mcp_filesystem' && t.schemaDigest?.length === 16)).toBe(true);
  });

  test('mcp: an unreachable upstream is a failure of that server', async () => {
    gw.faults.setUpstreamUnreachable('mcp_filesystem', true);
    const record = await probeOne(gw.url, filesystem, env);
    expect([record.verdict, record.summary]).toEqual(['fail', 'server_outcomes[mcp_filesystem].status == ok — got unreachable']);
  });

  test('mcp: cut streams are protocol failures, a 502 from Traefik is http_status', async () => {
    gw.faults.setCutStreams(true);
    const cut = await probeOne(gw.url, filesystem, env);
    gw.faults.setCutStreams(false);
    gw.faults.setServerError(502);
    const bad = await probeOne(gw.url, filesystem, env);
    expect([cut.failureClass, bad.failureClass]).toEqual(['protocol', 'http_status']);
  });

  test('sse-capture: pings at the configured interval, no catalog, stream open decided at the headers', async () => {
    const record = await probeOne(gw.url, heartbeat, env);
    expect(record.verdict).toBe('pass');
    expect(record.measured.contentType).toMatch(/^text\/event-stream/);
    expect(record.measured.pingCount).toBeGreaterThanOrEqual(5);
    expect(record.measured.catalogSeen).toBe(false);
    // Decided at the headers, long before the 1 s window ends (≤ 50 ms when the machine is idle).
    expect(record.measured.latencyMs).toBeLessThan(300);
    // Gaps come from the pings' own timestamps, so they hold even when pings arrive bunched up.
    for (const gap of record.measured.pingIntervalsMs ?? []) expect(gap).toBeGreaterThan(50);
  });

  test('sse-capture: a ping interval far from the expectation is degraded', async () => {
    const record = await probeOne(gw.url, { ...heartbeat, expect: { minPings: 1, pingInterval: '15s' } }, env);
    expect([record.verdict, record.failureClass]).toEqual(['degraded', 'expectation']);
  });

  test('a latency above the check deadline is a timeout', async () => {
    gw.faults.setLatency(1500);
    const record = await probeOne(gw.url, { ...statusRoute, timeout: '500ms' }, env);
    expect([record.verdict, record.failureClass]).toEqual(['fail', 'timeout']);
  });
});

describe('what was probed, and by whom', () => {
  test('a run pointed at the demo gateway with --base-url is neither real nor the environment it names', async () => {
    const gateway = GatewaySchema.parse({
      schemaVersion: 1,
      name: 'litellm',
      environments: { internal: { label: 'LAN', baseUrl: 'https://litellm.linuxserver.lan', keyEnv: 'PB_TEST_KEY', servers: ['mcp_postgres', 'mcp_filesystem'] } },
    });
    const { run } = await executeRun({ gateway, checks: [CheckSchema.parse(statusRoute)], environment: 'internal', origin: 'lan-host', baseUrl: gw.url, env, write: false });
    const host = new URL(gw.url).host;
    expect(run).toMatchObject({ environment: 'internal', override: true, provenance: 'demo' });
    expect(run.records[0]).toMatchObject({ target: `internal (override ${host})`, origin: 'lan-host', provenance: 'demo', host, verdict: 'pass' });
  });

  test('the same run against a server that is not the demo gateway is real, and at its own URL no override', async () => {
    const plain = await startHttp((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"scheduled":true,"interval_hours":6}'));
    try {
      const gateway = GatewaySchema.parse({ schemaVersion: 1, name: 'litellm', environments: { internal: { label: 'LAN', baseUrl: plain.url, keyEnv: 'PB_TEST_KEY', servers: ['mcp_postgres'] } } });
      const { run } = await executeRun({ gateway, checks: [CheckSchema.parse(statusRoute)], environment: 'internal', origin: 'lan-host', baseUrl: plain.url, env, write: false });
      expect(run).toMatchObject({ override: false, provenance: 'real' });
      expect(run.records[0]).toMatchObject({ target: 'internal', provenance: 'real', verdict: 'pass' });
    } finally {
      await plain.close();
    }
  });
});
