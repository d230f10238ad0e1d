import { describe, expect, test } from 'vitest';
import { CaptureSchema, type CaptureInput } from './capture.ts';
import { parseOrThrow } from './parse.ts';

const valid: CaptureInput = {
  kind: 'curl-transcript',
  tool: { name: 'curl', version: '7.88.1' },
  command: ['curl', '-sS', '-i', 'http://127.0.0.1:18080/mcp', '-H', 'Authorization: Bearer $LITELLM_API_KEY'],
  exitCode: 0,
  signal: null,
  durationMs: 12,
  streams: { stdout: 'stdout.txt' },
  origin: 'loopback',
  capturedAt: '2026-12-06T10:00:00Z',
  checks: ['mcp.tools-list'],
};

const parse = (input: unknown) => parseOrThrow(CaptureSchema, input, { file: 'imports/curl-1/capture.yaml', what: 'capture' });

describe('CaptureSchema', () => {
  test('accepts a capture and fills the defaults', () => {
    expect(parse(valid)).toMatchObject({ target: 'internal', sample: false, signal: null });
  });

  test.each([
    ['a Bearer value in the command', { command: ['curl', '-H', 'Authorization: Bearer sk-live-123'] }, 'command'],
    ['a stream file outside the folder', { streams: { stdout: '../run.json' } }, 'streams.stdout'],
    ['an unknown field', { exit: 0 }, '(root)'],
    ['a kind no parser reads', { kind: 'unknown' }, 'kind'],
  ])('rejects %s, naming the file and field', (_, patch, field) => {
    expect(() => parse({ ...valid, ...patch })).toThrow(`imports/curl-1/capture.yaml → ${field}:`);
  });

  test('accepts a Bearer written as an env var or <redacted>', () => {
    expect(parse({ ...valid, command: ['x', 'Bearer ${LITELLM_API_KEY}', 'Bearer <redacted>'] }).command).toHaveLength(3);
  });
});
