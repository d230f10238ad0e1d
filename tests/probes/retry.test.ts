import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { executeRun } from '../../src/probes/run.ts';
import { CheckSchema } from '../../src/schemas/check.ts';
import { passedAfterRetry } from '../../src/schemas/evidence.ts';
import { summariseStatus } from '../../src/status/summarise.ts';
import { startHttp, testGateway, type TestServer } from './helpers.ts';

// Flaky is not failing (issue 28): a check retries a failure over real HTTP on loopback, keeps every attempt, and
// a pass after a retry reads as flaky on /status.
let server: TestServer;
const hits = new Map<string, number>();
beforeAll(async () => {
  server = await startHttp((req, res) => {
    const seen = (hits.get(req.url!) ?? 0) + 1;
    hits.set(req.url!, seen);
    if (req.url === '/flaky' && seen === 1) return void res.writeHead(503).end('warming up');
    if (req.url === '/down') return void res.writeHead(502).end('bad gateway');
    if (req.url === '/slow') return void setTimeout(() => res.writeHead(200).end('ok'), 80);
    res.writeHead(200).end('ok');
  });
});
afterAll(() => server.close());

async function run(checks: unknown[]) {
  hits.clear();
  const started = Date.now();
  const { run, raw } = await executeRun({ gateway: testGateway(server.url), checks: checks.map((check) => CheckSchema.parse(check)), environment: 'demo', origin: 'ci', env: {} });
  return { records: run.records, raw, ms: Date.now() - started };
}

describe('retries', () => {
  test('a failure then a pass: a pass with both attempts and both transcripts kept, after the backoff', async () => {
    const { records, raw, ms } = await run([{ id: 'retry.flaky', title: 't', kind: 'http', path: '/flaky', auth: 'none', retry: { count: 2, backoff: '300ms' } }]);
    const [record] = records;
    expect(hits.get('/flaky')).toBe(2);
    expect(ms).toBeGreaterThanOrEqual(300);
    expect(record).toMatchObject({ verdict: 'pass', failureClass: null });
    expect(record!.summary).toMatch(/passed on attempt 2 of 2; attempt 1: .*503/);
    expect(record!.attempts!.map((attempt) => [attempt.verdict, attempt.failureClass])).toEqual([['fail', 'http_status'], ['pass', null]]);
    expect(record!.attempts!.map((attempt) => attempt.artifact)).toEqual([expect.stringMatching(/raw\/retry\.flaky\.attempt-1\.txt$/), expect.stringMatching(/raw\/retry\.flaky\.txt$/)]);
    expect(record!.artifacts.map((artifact) => artifact.label)).toEqual(['transcript, attempt 2 of 2', 'transcript, attempt 1 of 2']);
    expect(raw.map((artifact) => artifact.name).sort()).toEqual(['retry.flaky.attempt-1.txt', 'retry.flaky.txt']);
    expect(raw.find((artifact) => artifact.name === 'retry.flaky.attempt-1.txt')!.content).toMatch(/503/);
    expect(passedAfterRetry(record!)).toBe(true);
    const model = summariseStatus({ now: new Date(), checks: [], records });
    expect(model.checks.get('retry.flaky')!.rows[0]).toMatchObject({ state: 'flaky', verdict: 'pass', attempts: 2 });
    expect(model.overall.state).toBe('operational');
  });

  test('a failure on every attempt fails with all of them; one retry by default', async () => {
    const { records } = await run([{ id: 'retry.down', title: 't', kind: 'http', path: '/down', auth: 'none', retry: { backoff: '50ms' } }]);
    expect(hits.get('/down')).toBe(2);
    expect(records[0]).toMatchObject({ verdict: 'fail', failureClass: 'http_status' });
    expect(records[0]!.attempts).toHaveLength(2);
  });

  test('a pass, a degraded answer and retries turned off make one attempt and no attempts list', async () => {
    const { records } = await run([
      { id: 'retry.ok', title: 't', kind: 'http', path: '/ok', auth: 'none' },
      { id: 'retry.slow', title: 't', kind: 'http', path: '/slow', auth: 'none', expect: { maxLatency: '10ms' } },
      { id: 'retry.off', title: 't', kind: 'http', path: '/down', auth: 'none', retry: { count: 0 } },
    ]);
    expect(records.map((record) => [record.checkId, record.verdict, record.attempts])).toEqual([
      ['retry.ok', 'pass', undefined],
      ['retry.slow', 'degraded', undefined],
      ['retry.off', 'fail', undefined],
    ]);
    expect([hits.get('/ok'), hits.get('/slow'), hits.get('/down')]).toEqual([1, 1, 1]);
  });

  test('no retry starts after the run deadline', async () => {
    hits.clear();
    const check = CheckSchema.parse({ id: 'retry.late', title: 't', kind: 'http', path: '/down', auth: 'none', retry: { count: 3, backoff: '2s' } });
    const started = Date.now();
    const { run } = await executeRun({ gateway: testGateway(server.url), checks: [check], environment: 'demo', origin: 'ci', env: {}, runDeadlineMs: 500 });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(hits.get('/down')).toBe(1);
    expect(run.records[0]!.verdict).toBe('fail');
  });
});
