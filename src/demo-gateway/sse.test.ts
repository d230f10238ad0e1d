import { describe, expect, test } from 'vitest';
import { canonicalJsonRpc, formatCutMessageFrame, formatMessageFrame, formatPingFrame, formatPingTimestamp } from './sse.ts';

describe('formatPingTimestamp (Python str(datetime) in UTC)', () => {
  test.each([
    ['2025-09-18T07:50:03.123Z', '2025-09-18 07:50:03.123000+00:00'],
    ['2025-01-02T03:04:05.000Z', '2025-01-02 03:04:05+00:00'],
    ['2025-12-31T23:59:59.001Z', '2025-12-31 23:59:59.001000+00:00'],
  ])('%s → %s', (iso, expected) => {
    expect(formatPingTimestamp(new Date(iso))).toBe(expected);
  });
});

test('a ping is an SSE comment ended by CRLF CRLF', () => {
  expect(formatPingFrame(new Date('2025-09-18T07:50:03.123Z'))).toBe(': ping - 2025-09-18 07:50:03.123000+00:00\r\n\r\n');
});

test('a message frame has no id line and CRLF separators', () => {
  expect(formatMessageFrame('{"a":1}')).toBe('event: message\r\ndata: {"a":1}\r\n\r\n');
});

test('a cut frame stops inside the data line', () => {
  expect(formatCutMessageFrame('{"jsonrpc":"2.0"}')).toBe('event: message\r\ndata: {"jsonrp');
});

describe('canonicalJsonRpc', () => {
  test.each([
    ['{"result":{},"jsonrpc":"2.0","id":1}', '{"jsonrpc":"2.0","id":1,"result":{}}'],
    ['{"error":{"code":-1},"id":null,"jsonrpc":"2.0"}', '{"jsonrpc":"2.0","id":null,"error":{"code":-1}}'],
    ['{"method":"notifications/x","jsonrpc":"2.0"}', '{"jsonrpc":"2.0","method":"notifications/x"}'],
    ['not json', 'not json'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalJsonRpc(input)).toBe(expected);
  });
});
