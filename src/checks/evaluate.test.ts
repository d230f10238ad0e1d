import { expect, test } from 'vitest';
import type { McpObservation, ResponseObservation, SseObservation } from '../schemas/observation.ts';
import { CheckSchema, type McpCheck, type SseCaptureCheck } from '../schemas/check.ts';
import { describeResponse, matchesOutcome } from './auth-matrix.ts';
import { evaluateMcp } from './mcp.ts';
import { evaluateSse } from './sse.ts';

const response = (status: number, body = ''): ResponseObservation => ({ status, headers: {}, body, bytes: body.length, truncated: false, latencyMs: 1 });

test.each([
  ['traefik-404', response(404, '404 page not found\n'), true],
  ['traefik-404', response(404, '{"detail":"Not Found"}'), false],
  ['litellm-401', response(401, '{"error":{}}'), true],
  ['refused', response(403), true],
  ['ok', response(307), true],
  ['ok', response(404, '404 page not found'), false],
  [406, response(406), true],
] as const)('%s matches %o: %s', (expected, res, ok) => {
  expect(matchesOutcome(expected, res)).toBe(ok);
});

test('describeResponse tells Traefik from LiteLLM', () => {
  expect([describeResponse(response(404, '404 page not found\n')), describeResponse(response(404, '{}')), describeResponse(response(401))]).toEqual(['404 traefik-404', '404', '401 litellm-401']);
});

const mcp = (input: object) => CheckSchema.parse({ id: 'm', title: 't', kind: 'mcp', ...input }) as McpCheck;
const mcpObs = (tools: string[], outcomes?: McpObservation['serverOutcomes']): McpObservation => ({
  kind: 'mcp', failure: null, latencyMs: 5, transcript: [], step: 'done', protocolVersion: '2025-11-25', sessionId: false, pages: 1,
  scopedServers: ['a', 'b'], tools: tools.map((name) => ({ name, server: name.split('-')[0] })), ...(outcomes ? { serverOutcomes: outcomes } : {}),
});

test.each([
  ['every server has tools', mcp({}), mcpObs(['a-x', 'b-y']), 'pass'],
  ['one server empty: degraded by default', mcp({}), mcpObs(['a-x']), 'degraded'],
  ['one server empty with partialIs fail', mcp({ expect: { partialIs: 'fail' } }), mcpObs(['a-x']), 'fail'],
  ['all servers empty', mcp({}), mcpObs([]), 'fail'],
  ['a server reported unreachable', mcp({}), mcpObs(['a-x', 'b-y'], { b: { status: 'unreachable' } }), 'degraded'],
  ['initialize only', mcp({ steps: 'initialize' }), { ...mcpObs([]), step: 'done' as const }, 'pass'],
])('mcp: %s → %s', (_name, check, obs, verdict) => {
  expect(evaluateMcp(check, obs).verdict).toBe(verdict);
});

const sse = CheckSchema.parse({ id: 's', title: 't', kind: 'sse-capture', window: '1s', expect: { minPings: 2, pingInterval: '100ms' }, byEnvironment: { slow: { expect: { pingInterval: '1s' } } } }) as SseCaptureCheck;
/** A stream with a ping at 10 ms and then one after each interval; with `catalogSeen`, a tools/list result event too. */
const sseObs = (intervals: number[], catalogSeen = false): SseObservation => {
  const times = intervals.reduce((at, gap) => [...at, at.at(-1)! + gap], [10]);
  const items: SseObservation['items'] = times.map((atMs) => ({ type: 'comment', atMs, text: ' ping' }));
  if (catalogSeen) items.push({ type: 'event', atMs: 20, event: 'message', data: '{"jsonrpc":"2.0","id":1,"result":{"tools":[]}}' });
  return { kind: 'sse-capture', failure: null, latencyMs: 1000, transcript: [], status: 200, contentType: 'text/event-stream', headersMs: 3, streamOpen: true, items, bytes: 100, stopped: 'window', windowMs: 1000 };
};

test.each([
  ['pings on time', sseObs([100, 101, 99]), 'demo', 'pass'],
  ['pings far apart', sseObs([400, 400]), 'demo', 'degraded'],
  ['pings far apart but this environment expects 1 s', sseObs([1000, 990]), 'slow', 'pass'],
  ['a catalog arrived', sseObs([100, 100], true), 'demo', 'fail'],
  ['too few pings', sseObs([]), 'demo', 'fail'],
])('sse: %s → %s', (_name, obs, env, verdict) => {
  expect(evaluateSse(sse, obs, env).verdict).toBe(verdict);
});

test('ping intervals come from the server timestamps in the comments when every ping has one', async () => {
  const { summariseItems } = await import('./sse.ts');
  const items = [
    { type: 'comment' as const, atMs: 10, text: ' ping - 2025-09-18 07:50:03.100000+00:00' },
    { type: 'comment' as const, atMs: 10, text: ' ping - 2025-09-18 07:50:18.100000+00:00' },
    { type: 'comment' as const, atMs: 11, text: ' ping - 2025-09-18 07:50:33+00:00' },
  ];
  expect(summariseItems(items).pingIntervalsMs).toEqual([15000, 14900]);
  expect(summariseItems([...items, { type: 'comment', atMs: 20, text: 'ping' }]).pingIntervalsMs).toEqual([0, 1, 9]);
});
