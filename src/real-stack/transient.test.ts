import { describe, expect, test } from 'vitest';
import { formatResultLine, formatSummary } from '../probes/report.ts';
import { EvidenceRecordSchema, type EvidenceRecordInput } from '../schemas/evidence.ts';
import { EvalRunSchema } from '../schemas/eval-run.ts';
import { isTransient, reportedFailures, reportedRunId, retryPlan } from './transient.ts';

const RUN_ID = '20261206T110000Z-ci-abcd';
const record = (fields: Partial<EvidenceRecordInput>) =>
  EvidenceRecordSchema.parse({
    checkId: 'mcp.tools-list', target: 'real-stack', origin: 'ci', runId: RUN_ID, startedAt: '2026-12-06T11:00:00.000Z', finishedAt: '2026-12-06T11:00:01.250Z',
    verdict: 'pass', summary: '15 tools', source: { type: 'probe', kind: 'mcp' }, ...fields,
  });
/** The probe's own report, as `npm run real-stack -- --check` reads it from a pipe (plain lines, src/probes/report.ts). */
const report = (...records: ReturnType<typeof record>[]) => [
  ...records.map((r) => formatResultLine(r, { tty: false })),
  ...formatSummary(EvalRunSchema.parse({ schemaVersion: 1, runId: RUN_ID, origin: 'ci', environment: 'real-stack', baseUrl: 'http://127.0.0.1:1', toolVersion: '0', startedAt: '2026-12-06T11:00:00Z', finishedAt: '2026-12-06T11:00:02Z', records }), 'evaluation/runs/x').split('\n'),
];

// The failure as the MCP exchange words it (src/probes/mcp.ts, mcp-call.ts) for LiteLLM 1.108.4's answer under load:
// data: {"jsonrpc":"2.0","id":3,"error":{"code":-32000,"message":"Connection closed"}}
const closed = (checkId: string, step = 'tools/list') =>
  record({ checkId, verdict: 'fail', failureClass: 'protocol', summary: `protocol: ${step} returned JSON-RPC error -32000: Connection closed` });

describe('the one transient --check retries', () => {
  test.each([
    ['tools/list lost its stdio connection', closed('mcp.tools-list'), true],
    ['a canary tools/call lost it', closed('depth.canary-postgres', 'tools/call'), true],
    ['another JSON-RPC error', record({ verdict: 'fail', failureClass: 'protocol', summary: 'protocol: tools/list returned JSON-RPC error -32600: The key is not allowed' }), false],
    ['a server reported unreachable', record({ verdict: 'degraded', failureClass: 'expectation', summary: 'server_outcomes[mcp_postgres].status == ok — got unreachable' }), false],
    ['an isError call that names the words', record({ checkId: 'depth.canary-postgres', verdict: 'fail', failureClass: 'expectation', summary: 'mcp_postgres-query isError == false — got Connection closed' }), false],
    ['an error verdict', record({ verdict: 'error', failureClass: null, summary: 'probe crashed: JSON-RPC error -32000: Connection closed' }), false],
  ])('%s → %s', (_name, r, transient) => {
    const failures = reportedFailures(report(r));
    expect(failures.length > 0 && failures.every(isTransient)).toBe(transient);
  });

  test('only transients: retry exactly those; the run id is read back', () => {
    const lines = report(record({ checkId: 'health.readiness' }), closed('mcp.tools-list'), closed('depth.canary-postgres', 'tools/call'));
    expect(retryPlan(lines)).toEqual({ retry: ['mcp.tools-list', 'depth.canary-postgres'], real: [] });
    expect(reportedRunId(lines)).toBe(RUN_ID);
  });

  test('a real failure beside a transient: nothing is retried, the real one decides', () => {
    const real = record({ checkId: 'routing.auth-matrix', verdict: 'fail', failureClass: 'http_status', summary: 'GET /v1/models with wrong key → litellm-401 — got 400' });
    const plan = retryPlan(report(closed('mcp.tools-list'), real));
    expect(plan.retry).toEqual([]);
    expect(plan.real.map((f) => f.checkId)).toEqual(['routing.auth-matrix']);
  });

  test('an expected failure (baselined) is no failure', () => {
    const expected = record({ checkId: 'routing.open-paths', verdict: 'expected-fail', failureClass: 'http_status', summary: 'GET /docs with none key → ok — got 404' });
    expect(retryPlan(report(expected))).toEqual({ retry: [], real: [] });
  });
});
