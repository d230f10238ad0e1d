import { describe, expect, test } from 'vitest';
import { real, transcript } from '../../tests/ingest/fixtures.ts';
import { parseInspectorCli } from './inspector-cli.ts';

describe('parseInspectorCli', () => {
  test.each(['inspector-tools-list.json', 'inspector-tools-list-format-json.json'])('tools/list result %s passes with tools per server', (name) => {
    expect(parseInspectorCli(real(name))).toMatchObject({
      findings: [{ verdict: 'pass', measured: { toolsByServer: { mcp_postgres: 1, mcp_filesystem: 1 }, tools: [{ name: 'mcp_postgres-query', server: 'mcp_postgres' }, { name: 'mcp_filesystem-read_file' }] } }],
    });
  });

  test('schema digests do not depend on key order (curl vs Inspector)', () => {
    const a = parseInspectorCli(real('inspector-tools-list.json'));
    const b = parseInspectorCli(real('inspector-tools-list-format-json.json'));
    if (!('findings' in a) || !('findings' in b)) throw new Error('unparseable');
    expect(a.findings[0].measured.tools).toEqual(b.findings[0].measured.tools);
  });

  test.each([
    ['inspector-auth-required.json', 3, 'auth_required', 'http_status'],
    ['inspector-auth-required-stored-only.json', 3, 'auth_required', 'http_status'],
    ['inspector-wrong-key.json', 3, 'auth_required', 'http_status'],
    ['inspector-unreachable.json', 4, 'unreachable', 'tcp_refused'],
    ['inspector-tool-error.json', 5, 'tool_is_error', 'expectation'],
  ])('error envelope of %s (exit %i → %s) fails as %s', (name, exit, code, failureClass) => {
    expect(parseInspectorCli(transcript(name))).toMatchObject({ findings: [{ verdict: 'fail', failureClass, measured: { extra: { exitCode: exit, errorCode: code } } }] });
  });

  test('the exit code alone names the failure when stderr was not captured', () => {
    expect(parseInspectorCli('$ mcp-inspector --cli http://gw/mcp --method tools/list\nexit code: 4\n')).toMatchObject({ findings: [{ failureClass: 'tcp_refused', summary: expect.stringContaining('unreachable') }] });
  });

  test('an empty tool list fails', () => {
    expect(parseInspectorCli('{"tools": []}')).toMatchObject({ findings: [{ verdict: 'fail', failureClass: 'expectation' }] });
  });

  test('truncated JSON is unparseable with a line', () => {
    const out = parseInspectorCli(real('inspector-tools-list.json').slice(0, 300));
    expect(out).toMatchObject({ unparseable: { reason: expect.stringMatching(/^invalid JSON/) } });
  });
});
