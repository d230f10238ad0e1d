import { describe, expect, test } from 'vitest';
import { real } from '../../tests/ingest/fixtures.ts';
import { parseSseCapture } from './sse-capture.ts';

const pings = (times: string[]): string => times.map((t) => `: ping - ${t}\r\n\r\n`).join('');

describe('parseSseCapture', () => {
  test('pings every 15 s with no catalog pass the heartbeat check', () => {
    const out = parseSseCapture(pings(['2025-09-18 07:50:18.1+00:00', '2025-09-18 07:50:33.1+00:00', '2025-09-18 07:50:48.2+00:00']));
    expect(out).toMatchObject({
      findings: [{ verdict: 'pass', failureClass: null, line: 1, startedAt: '2025-09-18T07:50:18.100+00:00', measured: { pingCount: 3, pingIntervalsMs: [15000, 15100], catalogSeen: false, eventCount: 0 } }],
    });
  });

  test('naive timestamps (older sse-starlette) are read as UTC', () => {
    const out = parseSseCapture(pings(['2025-06-01 12:00:00.123456', '2025-06-01 12:00:15.123456']));
    expect(out).toMatchObject({ findings: [{ startedAt: '2025-06-01T12:00:00.123Z', measured: { pingIntervalsMs: [15000] } }] });
  });

  test('a 45 s gap fails with the gap as the actual value', () => {
    const out = parseSseCapture(pings(['2025-09-18 07:50:00+00:00', '2025-09-18 07:50:45+00:00']));
    expect(out).toMatchObject({ findings: [{ verdict: 'fail', failureClass: 'expectation' }] });
    if ('findings' in out) expect(out.findings[0].conditions?.find((c) => !c.ok)?.actual).toBe('45000 ms');
  });

  test('a catalog event on the stream is recorded with its tools', () => {
    const catalog = 'event: message\r\ndata: {"jsonrpc":"2.0","id":1,"result":{"tools":[{"name":"mcp_postgres-query","inputSchema":{}}]}}\r\n\r\n';
    const out = parseSseCapture(pings(['2025-09-18 07:50:00+00:00', '2025-09-18 07:50:15+00:00']) + catalog);
    expect(out).toMatchObject({ findings: [{ measured: { catalogSeen: true, eventCount: 1, toolsByServer: { mcp_postgres: 1 } } }] });
  });

  test('the real demo-gateway capture (curl -N, 15 s pings) passes', () => {
    const text = real('demo-curl-n-mcp-tools.log');
    const out = parseSseCapture(text);
    expect(out).toMatchObject({ findings: [{ verdict: 'pass', measured: { catalogSeen: false, eventCount: 0, extra: { curlExit: 28 } } }] });
    if ('findings' in out) expect(out.findings[0].measured.pingCount).toBeGreaterThanOrEqual(3);
  });

  test('headers from curl -i are read; a 406 fails as http_status', () => {
    const out = parseSseCapture('HTTP/1.1 406 Not Acceptable\r\ncontent-type: application/json\r\n\r\n');
    expect(out).toMatchObject({ findings: [{ verdict: 'fail', failureClass: 'http_status', measured: { status: 406 } }] });
  });

  test('a stream refused by curl fails with its transport class', () => {
    const out = parseSseCapture("curl: (6) Could not resolve host: litellm.linuxserver.lan\n");
    expect(out).toMatchObject({ findings: [{ verdict: 'fail', failureClass: 'dns', measured: { pingCount: 0 } }] });
  });

  test('a capture cut in the middle of an event says where', () => {
    const out = parseSseCapture(`${pings(['2025-09-18 07:50:00+00:00', '2025-09-18 07:50:15+00:00'])}event: message\r\ndata: {"jsonrpc":"2.0","id":1,"res`);
    expect(out).toMatchObject({ findings: [{ measured: { extra: { truncatedAtLine: 5 }, eventCount: 0 } }] });
  });

  test('text that is not a stream is unparseable with a reason', () => {
    expect(parseSseCapture('hello\nworld\n')).toEqual({ unparseable: { reason: 'no SSE frames (`: ping` comments, `event:`/`data:` lines) or HTTP status line found', line: 1 } });
  });

  test('a 5 MB single line is refused with its length', () => {
    const out = parseSseCapture(`: ping - 2025-09-18 07:50:00+00:00\n${'x'.repeat(5 * 1024 * 1024)}\n`);
    expect(out).toMatchObject({ unparseable: { line: 2 } });
    if ('unparseable' in out) expect(out.unparseable.reason).toMatch(/line 2 is 5242880 characters long/);
  });
});
