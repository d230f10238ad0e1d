import { describe, expect, test } from 'vitest';
import { real } from '../../tests/ingest/fixtures.ts';
import { parseCurlTranscript } from './curl-transcript.ts';

describe('parseCurlTranscript', () => {
  test('curl -i tools/list with an SSE body: status, tools, likely check', () => {
    expect(parseCurlTranscript(real('curl-i-tools-list.txt'))).toMatchObject({
      findings: [{ verdict: 'pass', likelyCheck: 'mcp.tools-list', measured: { status: 200, contentType: 'text/event-stream', eventCount: 1, catalogSeen: true, toolsByServer: { mcp_postgres: 1, mcp_filesystem: 1 } } }],
    });
  });

  test('curl -v shows the request line', () => {
    expect(parseCurlTranscript(real('curl-v-tools-list.txt'))).toMatchObject({ findings: [{ verdict: 'pass', summary: expect.stringMatching(/^POST \/mcp\/ → HTTP 200 OK, 2 tools/), line: 12 }] });
  });

  test('a 401 fails as http_status', () => {
    expect(parseCurlTranscript(real('curl-i-no-auth.txt'))).toMatchObject({ findings: [{ verdict: 'fail', failureClass: 'http_status', measured: { status: 401 } }] });
  });

  test('curl: (7) is tcp_refused', () => {
    expect(parseCurlTranscript(real('curl-i-refused.txt'))).toMatchObject({ findings: [{ verdict: 'fail', failureClass: 'tcp_refused', measured: { extra: { curlExit: 7 } } }] });
  });

  test('the demo gateway: Traefik 404 without a key, catalog with the key', () => {
    expect(parseCurlTranscript(real('demo-curl-i-no-key.txt'))).toMatchObject({ findings: [{ measured: { status: 404 } }] });
    expect(parseCurlTranscript(real('demo-curl-i-tools-list.txt'))).toMatchObject({ findings: [{ verdict: 'pass', measured: { catalogSeen: true } }] });
  });

  test('a JSON-RPC error inside a 200 fails as protocol', () => {
    const text = 'HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n\r\nevent: message\r\ndata: {"jsonrpc":"2.0","id":1,"error":{"code":-32602,"message":"Unsupported protocol version"}}\r\n\r\n';
    expect(parseCurlTranscript(text)).toMatchObject({ findings: [{ verdict: 'fail', failureClass: 'protocol', summary: expect.stringContaining('Unsupported protocol version') }] });
  });

  test('text without a status line is unparseable', () => {
    expect(parseCurlTranscript('{"ok":true}')).toMatchObject({ unparseable: { line: 1, reason: expect.stringContaining('no HTTP status line') } });
  });
});
