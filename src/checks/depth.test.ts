import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CheckSchema } from '../schemas/check.ts';
import type { McpCallCheck, McpHealthCheck, McpScopeCheck } from '../schemas/depth-check.ts';
import type { McpCallObservation, McpHealthObservation, McpObservation, McpScopeObservation, ResponseObservation } from '../schemas/observation.ts';
import { createSseReplyCollector } from '../probes/jsonrpc.ts';
import { evaluateMcpCall } from './mcp-call.ts';
import { evaluateMcpHealth, readHealthAnswer, readServerNames } from './mcp-health.ts';
import { evaluateMcpScope } from './mcp-scope.ts';

/** Answers of the real LiteLLM 1.108.4 behind Traefik 3.7.15, captured with curl (tests/real-stack/captures/). */
const capture = (name: string) => readFileSync(path.resolve(import.meta.dirname, '../../tests/real-stack/captures', name), 'utf8');
const HEALTH_ARRAY = capture('litellm-1.108.4-v1-mcp-server-health.json');
const SERVER_LIST = capture('litellm-1.108.4-v1-mcp-server.json');

/**
 * The older dict shape, as the mid-2025 handler built it (litellm PR #13106, `health_check_all_mcp_servers`:
 * counts plus `servers: {<server_id>: {status, …}}`). No release that answers it can be installed here, so it is
 * written from that source, with the real ids.
 */
const HEALTH_DICT = JSON.stringify({
  total_servers: 2, healthy_count: 1, unhealthy_count: 1, unknown_count: 0,
  servers: { '6949e1a64796e392feaca57813df0360': { status: 'healthy' }, '772bf450452628988220a2188cfbfc6b': { status: 'unhealthy' } },
});

const response = (body: string, status = 200): ResponseObservation => ({ status, headers: { 'content-type': 'application/json' }, body, bytes: body.length, truncated: false, latencyMs: 3 });
const health = (input: object = {}) => CheckSchema.parse({ id: 'h', title: 't', kind: 'mcp-health', ...input }) as McpHealthCheck;
const healthObs = (healthBody: ResponseObservation | null, list: ResponseObservation | null = response(SERVER_LIST)): McpHealthObservation => ({
  kind: 'mcp-health', failure: null, latencyMs: 9, transcript: [], health: healthBody, list, expected: ['mcp_postgres', 'mcp_filesystem'],
});
/** The real array answer with one server's status replaced. */
const withStatus = (id: string, status: string | null) => JSON.stringify((JSON.parse(HEALTH_ARRAY) as Array<{ server_id: string }>).map((e) => (e.server_id.startsWith(id) ? { ...e, status } : e)));

describe('mcp-health', () => {
  test('reads the real array shape and names its hashed ids from the real server list', () => {
    const reading = readHealthAnswer(JSON.parse(HEALTH_ARRAY));
    expect(reading).toMatchObject({ shape: 'array', servers: [{ status: 'healthy' }, { status: 'healthy' }] });
    expect(Object.fromEntries(readServerNames(JSON.parse(SERVER_LIST)))).toEqual({
      '6949e1a64796e392feaca57813df0360': 'mcp_filesystem',
      '772bf450452628988220a2188cfbfc6b': 'mcp_postgres',
    });
  });

  test.each([
    ['the real answer: both healthy', health(), healthObs(response(HEALTH_ARRAY)), 'pass', null],
    ['one unhealthy: degraded (partialIs)', health(), healthObs(response(withStatus('772b', 'unhealthy'))), 'degraded', 'expectation'],
    ['one unhealthy with partialIs fail', health({ expect: { partialIs: 'fail' } }), healthObs(response(withStatus('772b', 'unhealthy'))), 'fail', 'expectation'],
    ['one not checked (null): unknown is degraded', health(), healthObs(response(withStatus('6949', null))), 'degraded', 'expectation'],
    ['unknown may pass', health({ expect: { unknownIs: 'pass' } }), healthObs(response(withStatus('6949', null))), 'pass', null],
    ['the older dict shape, one unhealthy', health(), healthObs(response(HEALTH_DICT)), 'degraded', 'expectation'],
    ['a server missing from the answer', health(), healthObs(response(JSON.stringify(JSON.parse(HEALTH_ARRAY).slice(0, 1)))), 'degraded', 'expectation'],
    ['the server list refused: ids cannot be named', health(), healthObs(response(HEALTH_ARRAY), response('{"detail":"x"}', 403)), 'fail', 'http_status'],
    ['a 400 instead of the answer', health(), healthObs(response('{"error":{"message":"No connected db."}}', 400), null), 'fail', 'http_status'],
    ['neither shape', health(), healthObs(response('{"status":"ok"}')), 'fail', 'protocol'],
  ])('%s → %s', (_name, check, obs, verdict, failureClass) => {
    const outcome = evaluateMcpHealth(check, obs);
    expect([outcome.verdict, outcome.failureClass]).toEqual([verdict, failureClass]);
  });

  test('measures the shape and each server by name', () => {
    expect(evaluateMcpHealth(health(), healthObs(response(HEALTH_DICT))).measured.extra).toEqual({ shape: 'dict', 'health.mcp_filesystem': 'healthy', 'health.mcp_postgres': 'unhealthy' });
  });
});

const call = (input: object = {}) => CheckSchema.parse({ id: 'c', title: 't', kind: 'mcp-call', tool: 'mcp_postgres-query', arguments: { sql: 'SELECT 1 AS one' }, ...input }) as McpCallCheck;
/** The JSON-RPC reply in a captured SSE answer, read by the probe's own reader. */
function pickSseReply(text: string) {
  const collector = createSseReplyCollector(3);
  collector.feed(text);
  if (!collector.found) throw new Error('no reply with id 3 in the capture');
  return collector.found;
}

/** An observation whose tools/call result is the `result` of a real captured reply. */
const callObs = (sseFile: string): McpCallObservation => {
  const result = pickSseReply(capture(sseFile)).result as { isError?: boolean; content: Array<{ type: string; text: string }> };
  return {
    kind: 'mcp-call', failure: null, latencyMs: 40, transcript: [], step: 'done', status: 200, protocolVersion: '2025-11-25', tool: 'mcp_postgres-query',
    result: { isError: result.isError, text: result.content[0]?.text, contentTypes: result.content.map((c) => c.type) },
  };
};

describe('mcp-call', () => {
  test.each([
    ['the real SELECT 1 answer', call({ expect: { textMatches: '"one":\\s*1' } }), callObs('litellm-1.108.4-tools-call-query.sse'), 'pass', null],
    ['a call the upstream failed (isError, real SQL error)', call(), callObs('litellm-1.108.4-tools-call-query-error.sse'), 'fail', 'expectation'],
    ['text that does not match', call({ expect: { textMatches: '^Allowed directories:' } }), callObs('litellm-1.108.4-tools-call-query.sse'), 'fail', 'expectation'],
    [
      'a JSON-RPC error instead of a result (LiteLLM 1.108.4 under load)',
      call(),
      { ...callObs('litellm-1.108.4-tools-call-query.sse'), step: 'tools/call', result: undefined, rpcError: { code: -32000, message: 'Connection closed' }, failure: { failureClass: 'protocol', message: 'tools/call returned JSON-RPC error -32000: Connection closed' } } as McpCallObservation,
      'fail',
      'protocol',
    ],
  ])('%s → %s', (_name, check, obs, verdict, failureClass) => {
    const outcome = evaluateMcpCall(check, obs);
    expect([outcome.verdict, outcome.failureClass]).toEqual([verdict, failureClass]);
  });

  test('says what the tool answered', () => {
    const outcome = evaluateMcpCall(call(), callObs('litellm-1.108.4-tools-call-query-error.sse'));
    expect(outcome.summary).toBe('mcp_postgres-query isError == false — got MCPError: syntax error at or near "SELEC"');
    expect(outcome.measured.extra).toMatchObject({ tool: 'mcp_postgres-query', isError: true });
  });
});

const scope = CheckSchema.parse({
  id: 's', title: 't', kind: 'mcp-scope',
  cases: [{ header: 'a,b', lists: ['a', 'b'] }, { header: 'a', lists: ['a'] }, { header: '["a"]', refused: true }],
}) as McpScopeCheck;
const exchange = (tools: string[], extra: Partial<McpObservation> = {}): McpObservation => ({
  kind: 'mcp', failure: null, latencyMs: 5, transcript: [], step: 'done', status: 200, protocolVersion: '2025-11-25', sessionId: false, pages: 1,
  scopedServers: ['a', 'b'], tools: tools.map((name) => ({ name, ...(name.includes('-') ? { server: name.split('-')[0] } : {}) })), ...extra,
});
const refusedByRpc = exchange([], { step: 'tools/list', rpcError: { code: -32600, message: 'The key is not allowed to access the requested MCP servers: ["a"]' }, failure: { failureClass: 'protocol', message: 'tools/list returned JSON-RPC error -32600' } });
const refusedByHttp = exchange([], { step: 'initialize', status: 403, failure: { failureClass: 'http_status', message: 'initialize: HTTP 403' } });
const scopeObs = (a: McpObservation, b: McpObservation, c: McpObservation): McpScopeObservation => ({
  kind: 'mcp-scope', failure: null, latencyMs: 30, transcript: [], cases: [{ header: 'a,b', exchange: a }, { header: 'a', exchange: b }, { header: '["a"]', exchange: c }],
});

describe('mcp-scope', () => {
  test.each([
    ['as LiteLLM 1.108.4 does: narrowed, and the JSON array refused at initialize (403)', scopeObs(exchange(['a-x', 'b-y']), exchange(['a-x']), refusedByHttp), 'pass', null],
    ['the JSON array refused on tools/list (JSON-RPC -32600)', scopeObs(exchange(['a-x', 'b-y']), exchange(['a-x']), refusedByRpc), 'pass', null],
    ['a JSON array parsed and narrowed (an older release)', scopeObs(exchange(['a-x', 'b-y']), exchange(['a-x']), exchange(['a-x'])), 'fail', 'expectation'],
    ['a header widened to every server', scopeObs(exchange(['a-x', 'b-y']), exchange(['a-x', 'b-y']), refusedByRpc), 'fail', 'expectation'],
    ['a tool with no known prefix', scopeObs(exchange(['a-x', 'b-y']), exchange(['a-x', 'other']), refusedByRpc), 'fail', 'expectation'],
    ['a listed server with no tools', scopeObs(exchange(['a-x']), exchange(['a-x']), refusedByRpc), 'fail', 'expectation'],
    ['a timeout is not a refusal', scopeObs(exchange(['a-x', 'b-y']), exchange(['a-x']), exchange([], { step: 'initialize', status: undefined, failure: { failureClass: 'timeout', message: 'deadline' } })), 'fail', 'timeout'],
  ])('%s → %s', (_name, obs, verdict, failureClass) => {
    const outcome = evaluateMcpScope(scope, obs);
    expect([outcome.verdict, outcome.failureClass]).toEqual([verdict, failureClass]);
  });

  test('measures what each header value got', () => {
    expect(evaluateMcpScope(scope, scopeObs(exchange(['a-x', 'b-y']), exchange(['a-x']), refusedByRpc)).measured.extra).toEqual({
      'x-mcp-servers: a,b': 'a 1, b 1',
      'x-mcp-servers: a': 'a 1',
      'x-mcp-servers: ["a"]': 'refused: JSON-RPC -32600 The key is not allowed to access the requested MCP servers: ["a"]',
    });
  });
});
