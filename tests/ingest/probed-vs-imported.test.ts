// Judged once (issue 24 item 1): the same exchange, probed by the probe engine and captured with the real curl then
// imported as a capture folder, gets the same verdict and failure class from the same check definition.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { startDemoGateway, type DemoGateway } from '../../src/demo-gateway/index.ts';
import { readImport } from '../../src/evidence/read-import.ts';
import { CheckSchema, type Check } from '../../src/schemas/check.ts';
import type { EvidenceRecord } from '../../src/schemas/evidence.ts';
import { probeOne } from '../probes/helpers.ts';

const KEY = 'sk-judged-once-test-4c1d9e';
const env = { PB_TEST_KEY: KEY };
const SCOPE = 'mcp_postgres,mcp_filesystem';
let gw: DemoGateway;
let dir: string;

beforeAll(async () => {
  // One page holds the whole catalog, so curl's single tools/list shows what the probe's page walk shows.
  gw = await startDemoGateway({ masterKey: KEY, pingIntervalMs: 100, toolsPageSize: 100 });
  dir = await mkdtemp(path.join(os.tmpdir(), 'proofbook-judged-once-'));
}, 60_000);
afterAll(async () => {
  await gw?.stop();
  await rm(dir, { recursive: true, force: true });
});

/** Runs the real curl (bounded) and keeps its streams, exit code and duration, as `npm run capture-fixtures` does. */
function runCurl(args: string[]): Promise<{ stdout: string; stderr: string; exitCode: number | null; durationMs: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('curl', args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 20_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ stdout, stderr, exitCode: code, durationMs: Math.round(performance.now() - started) }));
  });
}

/** Captures `curl …` into evaluation/imports/<name>/ (capture.yaml + streams) and imports it with the real reader. */
async function captureAndImport(name: string, kind: 'curl-transcript' | 'sse-capture', args: string[], checks: Check[], checkIds: string[] = []): Promise<EvidenceRecord[]> {
  const run = await runCurl(args);
  const folder = path.join(dir, 'imports', name);
  await mkdir(folder, { recursive: true });
  const streams: Record<string, string> = {};
  for (const stream of ['stdout', 'stderr'] as const) {
    if (!run[stream]) continue;
    await writeFile(path.join(folder, `${stream}.txt`), run[stream]);
    streams[stream] = `${stream}.txt`;
  }
  // The key is written as its env var, never as a value (CaptureSchema refuses a Bearer value in the command).
  const command = ['curl', ...args.map((arg) => arg.replace(KEY, '$LITELLM_API_KEY'))];
  const capture = { kind, tool: { name: 'curl', version: 'system' }, command, exitCode: run.exitCode, signal: null, durationMs: run.durationMs, streams, origin: 'ci', capturedAt: new Date().toISOString(), target: 'demo', checks: checkIds };
  await writeFile(path.join(folder, 'capture.yaml'), stringify(capture));
  const artifact = await readImport(dir, `imports/${name}`, [{ name: 'PB_TEST_KEY', value: KEY }], checks);
  if (artifact.unparseable) throw new Error(`imports/${name}: ${artifact.unparseable.reason}`);
  return artifact.records;
}

const toolsList = { id: 'mcp.tools-list', title: 't', kind: 'mcp' } as const;
const initialize = { id: 'mcp.initialize', title: 'i', kind: 'mcp', steps: 'initialize' } as const;
const readiness = { id: 'health.readiness', title: 'r', kind: 'http', path: '/health/readiness', expect: { status: 200, json: [{ path: 'status', equals: 'healthy' }] } } as const;
const heartbeat = { id: 'sse.heartbeat', title: 'h', kind: 'sse-capture', path: '/mcp/tools', window: '1s', timeout: '3s', expect: { minPings: 3, pingInterval: '100ms', catalog: 'absent' } } as const;
const catalog = [toolsList, initialize, readiness, heartbeat].map((c) => CheckSchema.parse(c));

const post = (body: object, key: string | null = KEY) => [
  '-sS', '-i', '-N', '--max-time', '10', '-X', 'POST', `${gw.url}/mcp/`,
  '-H', 'Content-Type: application/json', '-H', 'Accept: application/json, text/event-stream', '-H', `x-mcp-servers: ${SCOPE}`,
  ...(key ? ['-H', `Authorization: Bearer ${key}`] : []),
  '-d', JSON.stringify(body),
];
const rpc = (method: string, params: object = {}) => ({ jsonrpc: '2.0', id: 1, method, params });

const same = (probed: EvidenceRecord, imported: EvidenceRecord | undefined) => {
  expect(imported, 'the capture is filed under the probed check').toBeDefined();
  expect([imported!.checkId, imported!.verdict, imported!.failureClass]).toEqual([probed.checkId, probed.verdict, probed.failureClass]);
};

describe('probed and imported exchanges are judged alike', () => {
  test('tools/list through the gate with the key: one server unreachable is degraded either way, same tools', async () => {
    const probed = await probeOne(gw.url, toolsList, env);
    const [imported] = await captureAndImport('tools-list', 'curl-transcript', post(rpc('tools/list')), catalog);
    same(probed, imported);
    expect([probed.verdict, probed.failureClass]).toEqual(['degraded', 'expectation']);
    expect(imported!.measured.tools).toEqual(probed.measured.tools);
    expect(imported!.measured.serverOutcomes).toEqual(probed.measured.serverOutcomes);
  }, 30_000);

  test('initialize passes either way, with the same protocol version', async () => {
    const probed = await probeOne(gw.url, initialize, env);
    const [imported] = await captureAndImport('initialize', 'curl-transcript', post(rpc('initialize', { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'curl', version: '1' } })), catalog);
    same(probed, imported);
    expect(imported!.measured.protocolVersion).toBe(probed.measured.protocolVersion);
  }, 30_000);

  test('without a key Traefik\'s 404 is http_status 404 either way', async () => {
    const probed = await probeOne(gw.url, { ...toolsList, auth: 'none' }, env);
    const [imported] = await captureAndImport('no-key', 'curl-transcript', post(rpc('tools/list'), null), catalog);
    same(probed, imported);
    expect([imported!.failureClass, imported!.measured.status]).toEqual(['http_status', 404]);
  }, 30_000);

  test('a 502 from the proxy is http_status either way', async () => {
    gw.faults.setServerError(502);
    try {
      const probed = await probeOne(gw.url, toolsList, env);
      const [imported] = await captureAndImport('bad-gateway', 'curl-transcript', post(rpc('tools/list')), catalog);
      same(probed, imported);
      expect(imported!.measured.status).toBe(502);
    } finally {
      gw.faults.setServerError(null);
    }
  }, 30_000);

  test('a GET to /health/readiness is filed under the http check with that path and judged by its JSON expectation', async () => {
    const probed = await probeOne(gw.url, readiness, env);
    const [imported] = await captureAndImport('readiness', 'curl-transcript', ['-sS', '-i', '--max-time', '10', `${gw.url}/health/readiness`, '-H', `Authorization: Bearer ${KEY}`], catalog);
    same(probed, imported);
    expect(probed.verdict).toBe('pass');
  }, 30_000);

  test('the event stream: the probe\'s window and curl --max-time on the same stream both pass; exit 28 is not a timeout', async () => {
    const probed = await probeOne(gw.url, heartbeat, env);
    const args = ['-sS', '-i', '-N', '--max-time', '1', `${gw.url}/mcp/tools`, '-H', 'Accept: text/event-stream', '-H', `x-mcp-servers: ${SCOPE}`, '-H', `Authorization: Bearer ${KEY}`];
    const [imported] = await captureAndImport('stream', 'sse-capture', args, catalog, ['sse.heartbeat']);
    same(probed, imported);
    expect(probed.verdict).toBe('pass');
    expect(imported!.measured.extra).toMatchObject({ curlExit: 28, stopped: 'window', windowMs: expect.any(Number) });
    expect(imported!.source).toMatchObject({ stream: 'stdout' });
  }, 30_000);

  test('the demo gateway names itself in a response header: an imported capture of it is demo evidence', async () => {
    const [imported] = await captureAndImport('demo-readiness', 'curl-transcript', ['-sS', '-i', '--max-time', '10', `${gw.url}/health/readiness`, '-H', `Authorization: Bearer ${KEY}`], catalog);
    expect(imported!.provenance).toBe('demo');
    expect(JSON.stringify(imported)).not.toContain(KEY.slice(3, 15));
  }, 30_000);
});
