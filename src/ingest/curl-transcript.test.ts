import { describe, expect, test } from 'vitest';
import { real } from '../../tests/ingest/fixtures.ts';
import { catalog, importText, parseFile, recordOf } from '../../tests/ingest/import-helpers.ts';
import { importCapture } from './import-capture.ts';
import { parseCurlTranscript } from './curl-transcript.ts';

const curl = (text: string, checkId?: string) => recordOf('curl-transcript', text, checkId);

describe('parseCurlTranscript', () => {
  test('curl -i tools/list with an SSE body: filed under mcp.tools-list by what it holds, tools per server', () => {
    expect(curl(real('curl-i-tools-list.txt'))).toMatchObject({
      checkId: 'mcp.tools-list',
      verdict: 'pass',
      measured: { status: 200, toolsByServer: { mcp_postgres: 1, mcp_filesystem: 1 }, extra: { morePages: false } },
    });
  });

  test('curl -v shows the request line', () => {
    expect(curl(real('curl-v-tools-list.txt'))).toMatchObject({ verdict: 'pass', source: { line: 12 }, measured: { extra: { request: 'POST /mcp/' }, tools: [{}, {}] } });
  });

  test('a 401 fails as http_status with its status', () => {
    expect(curl(real('curl-i-no-auth.txt'), 'mcp.tools-list')).toMatchObject({ verdict: 'fail', failureClass: 'http_status', measured: { status: 401 } });
  });

  test('curl: (7) is tcp_refused', () => {
    expect(curl(real('curl-i-refused.txt'), 'mcp.tools-list')).toMatchObject({ verdict: 'fail', failureClass: 'tcp_refused', measured: { extra: { curlExit: 7 } } });
  });

  // Was "pass": the demo gateway reports mcp_postgres unreachable in server_outcomes; mcp.tools-list's own definition
  // (serverOutcomesOk, partialIs: degraded) makes that degraded, as the probe reads the same answer.
  test('the demo gateway: Traefik 404 without a key; a catalog with one server unreachable is degraded', () => {
    expect(curl(real('demo-curl-i-no-key.txt'), 'mcp.tools-list')).toMatchObject({ failureClass: 'http_status', measured: { status: 404 } });
    expect(curl(real('demo-curl-i-tools-list.txt'))).toMatchObject({ verdict: 'degraded', failureClass: 'expectation', measured: { serverOutcomes: { mcp_postgres: { status: 'unreachable' } } } });
  });

  test('a JSON-RPC error inside a 200 fails as protocol', () => {
    const text = 'HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n\r\nevent: message\r\ndata: {"jsonrpc":"2.0","id":1,"error":{"code":-32602,"message":"Unsupported protocol version"}}\r\n\r\n';
    expect(curl(text, 'mcp.initialize')).toMatchObject({ verdict: 'fail', failureClass: 'protocol', summary: expect.stringContaining('Unsupported protocol version') });
  });

  test('text without a status line is unparseable', () => {
    expect(parseFile(parseCurlTranscript, '{"ok":true}')).toMatchObject({ unparseable: { line: 1, reason: expect.stringContaining('no HTTP status line') } });
  });
});

describe('a curl transcript without a meta file is filed by what it holds (issue 24 item 4)', () => {
  const verbose = (path: string, status: string, body: string) => `> GET ${path} HTTP/1.1\n> Host: gw\n> \n< HTTP/1.1 ${status}\n< content-type: application/json\n< \n${body}\n`;

  test('a request to /health/readiness is the http check with that path, judged by its JSON expectations', () => {
    const artifact = importText('curl-transcript', verbose('/health/readiness', '200 OK', '{"status":"healthy"}'));
    expect(artifact.records.map((r) => [r.checkId, r.verdict])).toEqual([['health.readiness', 'pass']]);
  });

  test('a path no check probes needs a meta file, never a guess', () => {
    const artifact = importText('curl-transcript', verbose('/v1/models', '200 OK', '{"data":[]}'));
    expect(artifact).toMatchObject({ records: [], unparseable: { reason: expect.stringMatching(/^needs a meta file: a request to GET \/v1\/models matches no check in content\/checks\/; add sample\.curl-transcript\.meta\.yaml with `kind: curl-transcript`/) } });
  });

  test('an answer that shows neither request nor JSON-RPC method needs a meta file', () => {
    expect(importText('curl-transcript', real('curl-i-no-auth.txt')).unparseable?.reason).toMatch(/^needs a meta file: the transcript shows neither its request path nor a JSON-RPC method/);
  });

  test('a tools/list scoped to one server in a capture folder is that server\'s check', () => {
    const captureText = [
      'kind: curl-transcript',
      'tool: { name: curl, version: 7.88.1 }',
      `command: [curl, -sS, -i, 'http://gw/mcp/', -H, 'x-mcp-servers: mcp_filesystem', -d, '{"jsonrpc":"2.0","id":2,"method":"tools/list"}']`,
      'exitCode: 0',
      'durationMs: 40',
      'streams: { stdout: stdout.txt }',
      'origin: lan-host',
      "capturedAt: '2026-12-06T10:00:00Z'",
    ].join('\n');
    const stdout = 'HTTP/1.1 200 OK\ncontent-type: application/json\n\n{"jsonrpc":"2.0","id":2,"result":{"tools":[{"name":"mcp_filesystem-read_file","inputSchema":{}}]}}\n';
    const artifact = importCapture({ dir: 'imports/fs-tools', captureText, files: { 'stdout.txt': Buffer.from(stdout) }, modifiedAt: '2026-12-06T10:00:00Z', checks: catalog });
    expect(artifact.records.map((r) => [r.checkId, r.verdict, r.startedAt, r.finishedAt, r.source])).toEqual([
      ['mcp.server-filesystem', 'pass', '2026-12-06T10:00:00Z', '2026-12-06T10:00:00.040Z', { type: 'import', kind: 'curl-transcript', file: 'imports/fs-tools', line: 1, stream: 'stdout' }],
    ]);
  });
});
