import { describe, expect, test } from 'vitest';
import { real } from '../../tests/ingest/fixtures.ts';
import { parseFile, recordOf } from '../../tests/ingest/import-helpers.ts';
import { parseSseCapture } from './sse-capture.ts';

const pings = (times: string[]): string => times.map((t) => `: ping - ${t}\r\n\r\n`).join('');
const stream = (text: string) => recordOf('sse-capture', text);

describe('parseSseCapture, judged by sse.heartbeat', () => {
  test('pings every 15 s with no catalog pass the heartbeat check', () => {
    expect(stream(pings(['2025-09-18 07:50:18.1+00:00', '2025-09-18 07:50:33.1+00:00', '2025-09-18 07:50:48.2+00:00']))).toMatchObject({
      checkId: 'sse.heartbeat', verdict: 'pass', failureClass: null, source: { line: 1 }, startedAt: '2025-09-18T07:50:18.100+00:00',
      measured: { pingCount: 3, pingIntervalsMs: [15000, 15100], catalogSeen: false, eventCount: 0 },
    });
  });

  test('naive timestamps (older sse-starlette) are read as UTC', () => {
    expect(stream(pings(['2025-06-01 12:00:00.123456', '2025-06-01 12:00:15.123456']))).toMatchObject({ startedAt: '2025-06-01T12:00:00.123Z', measured: { pingIntervalsMs: [15000] } });
  });

  // Was "fail" under a hard-coded 30 s rule in the parser; sse.heartbeat itself says pingInterval 15 s ± 34 %,
  // and an interval outside it is `degraded` (its severity), as for a probed stream.
  test('a 45 s gap is degraded with the gap as the actual value', () => {
    const record = stream(pings(['2025-09-18 07:50:00+00:00', '2025-09-18 07:50:45+00:00']));
    expect(record).toMatchObject({ verdict: 'degraded', failureClass: 'expectation' });
    expect(record.conditions.find((c) => !c.ok)?.actual).toBe('45000');
  });

  test('the SDK\'s `: keepalive` comments are keep-alives too', () => {
    expect(stream(': keepalive\n\n: keepalive\n\n')).toMatchObject({ verdict: 'pass', measured: { pingCount: 2 } });
  });

  test('a catalog event on the stream fails (the catalog never comes on the GET stream)', () => {
    const catalog = 'event: message\r\ndata: {"jsonrpc":"2.0","id":1,"result":{"tools":[{"name":"mcp_postgres-query","inputSchema":{}}]}}\r\n\r\n';
    expect(stream(pings(['2025-09-18 07:50:00+00:00', '2025-09-18 07:50:15+00:00']) + catalog)).toMatchObject({ verdict: 'fail', measured: { catalogSeen: true, eventCount: 1 } });
  });

  test('the real demo-gateway capture (curl -N, 15 s pings, cut by --max-time) passes: its own limit is not a timeout', () => {
    const record = stream(real('demo-curl-n-mcp-tools.log'));
    expect(record).toMatchObject({ verdict: 'pass', measured: { catalogSeen: false, eventCount: 0, extra: { curlExit: 28, stopped: 'window' } } });
    expect(record.measured.pingCount).toBeGreaterThanOrEqual(3);
  });

  test('a window too short for two pings needs only one: 20 s at a 15 s interval', () => {
    expect(stream(`${pings(['2025-09-18 07:50:15+00:00'])}curl: (28) Operation timed out after 20000 milliseconds with 45 bytes received\n`)).toMatchObject({ verdict: 'pass', measured: { extra: { windowMs: 20000 } } });
    expect(stream('HTTP/1.1 200 OK\ncontent-type: text/event-stream\n\ncurl: (28) Operation timed out after 20000 milliseconds with 0 bytes received\n')).toMatchObject({ verdict: 'fail', failureClass: 'expectation', measured: { pingCount: 0 } });
  });

  test('headers from curl -i are read; a 406 fails as http_status', () => {
    expect(stream('HTTP/1.1 406 Not Acceptable\r\ncontent-type: application/json\r\n\r\n')).toMatchObject({ verdict: 'fail', failureClass: 'http_status', measured: { status: 406 } });
  });

  test('a stream refused by curl fails with its transport class', () => {
    expect(stream('curl: (6) Could not resolve host: litellm.linuxserver.lan\n')).toMatchObject({ verdict: 'fail', failureClass: 'dns', measured: { pingCount: 0 } });
  });

  test('a capture cut in the middle of an event says where', () => {
    const record = stream(`${pings(['2025-09-18 07:50:00+00:00', '2025-09-18 07:50:15+00:00'])}event: message\r\ndata: {"jsonrpc":"2.0","id":1,"res`);
    expect(record).toMatchObject({ measured: { extra: { truncatedAtLine: 5 }, eventCount: 0 } });
  });

  test('text that is not a stream is unparseable with a reason', () => {
    expect(parseFile(parseSseCapture, 'hello\nworld\n')).toEqual({ unparseable: { reason: 'no SSE frames (`: ping` comments, `event:`/`data:` lines) or HTTP status line found', line: 1 } });
  });

  test('a 5 MB single line is refused with its length', () => {
    const out = parseFile(parseSseCapture, `: ping - 2025-09-18 07:50:00+00:00\n${'x'.repeat(5 * 1024 * 1024)}\n`);
    expect(out).toMatchObject({ unparseable: { line: 2 } });
    if ('unparseable' in out) expect(out.unparseable.reason).toMatch(/line 2 is 5242880 characters long/);
  });
});
