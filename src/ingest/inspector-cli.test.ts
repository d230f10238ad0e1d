import { describe, expect, test } from 'vitest';
import { real, transcript } from '../../tests/ingest/fixtures.ts';
import { parseFile, recordOf } from '../../tests/ingest/import-helpers.ts';
import { parseInspectorCli } from './inspector-cli.ts';

const inspector = (text: string) => recordOf('inspector-cli', text);

describe('parseInspectorCli', () => {
  test.each(['inspector-tools-list.json', 'inspector-tools-list-format-json.json'])('tools/list result %s passes clients.inspector with tools per server', (name) => {
    expect(inspector(real(name))).toMatchObject({
      checkId: 'clients.inspector',
      verdict: 'pass',
      measured: { toolsByServer: { mcp_postgres: 1, mcp_filesystem: 1 }, tools: [{ name: 'mcp_postgres-query', server: 'mcp_postgres' }, { name: 'mcp_filesystem-read_file' }], extra: { morePages: false } },
    });
  });

  test('schema digests do not depend on key order (curl vs Inspector)', () => {
    expect(inspector(real('inspector-tools-list.json')).measured.tools).toEqual(inspector(real('inspector-tools-list-format-json.json')).measured.tools);
    expect(inspector(real('inspector-tools-list.json')).measured.tools).toEqual(recordOf('curl-transcript', real('curl-i-tools-list.txt')).measured.tools);
  });

  test.each([
    ['inspector-auth-required.json', 3, 'auth_required', 'http_status'],
    ['inspector-auth-required-stored-only.json', 3, 'auth_required', 'http_status'],
    ['inspector-wrong-key.json', 3, 'auth_required', 'http_status'],
    ['inspector-unreachable.json', 4, 'unreachable', 'tcp_refused'],
    ['inspector-tool-error.json', 5, 'tool_is_error', 'expectation'],
  ])('error envelope of %s (exit %i → %s) fails as %s', (name, exit, code, failureClass) => {
    expect(inspector(transcript(name))).toMatchObject({ verdict: 'fail', failureClass, measured: { extra: { exitCode: exit, errorCode: code } } });
  });

  test('the exit code alone names the failure when stderr was not captured', () => {
    expect(inspector('$ mcp-inspector --cli http://gw/mcp --method tools/list\nexit code: 4\n')).toMatchObject({ failureClass: 'tcp_refused', measured: { extra: { errorCode: 'unreachable' } } });
  });

  test('an empty tool list fails', () => {
    expect(inspector('{"tools": []}')).toMatchObject({ verdict: 'fail', failureClass: 'expectation' });
  });

  test('a stdio server banner around the result does not stop the parse', () => {
    const text = `Starting default (STDIO) server...\n${real('inspector-tools-list.json')}\nSecure MCP Filesystem Server running on stdio\nexit code: 0\n`;
    expect(inspector(text)).toMatchObject({ verdict: 'pass', measured: { tools: [{}, {}] } });
  });

  test.each([
    ['{"error":{"code":"error","message":"Error POSTing to endpoint: 404 page not found\\n","status":404}}', 'http_status', 404],
    ['{"error":{"code":"error","message":"spawn mcp-server-not-installed ENOENT"}}', 'command_not_found', undefined],
  ])('envelope %s → %s', (envelope, failureClass, status) => {
    const record = inspector(`${envelope}\nexit code: 1\n`);
    expect([record.verdict, record.failureClass, record.measured.status]).toEqual(['fail', failureClass, status]);
  });

  test('truncated JSON is unparseable with a line', () => {
    expect(parseFile(parseInspectorCli, real('inspector-tools-list.json').slice(0, 300))).toMatchObject({ unparseable: { reason: expect.stringMatching(/^invalid JSON/) } });
  });
});
