import { describe, expect, test } from 'vitest';
import { real } from '../../tests/ingest/fixtures.ts';
import { parseCodexDoctorJson } from './codex-doctor.ts';
import { parseCodexMcpGetJson, parseCodexMcpListJson } from './codex-json.ts';
import { parseCodexMcpGet } from './codex-mcp-get.ts';
import { parseCodexMcpList } from './codex-mcp-list.ts';
import type { ParseOutcome } from './finding.ts';

const first = (out: ParseOutcome) => {
  if (!('findings' in out)) throw new Error(`unparseable: ${out.unparseable.reason}`);
  return out.findings[0];
};

describe('codex mcp list (text)', () => {
  test('current two-table layout from codex-cli 0.169', () => {
    const f = first(parseCodexMcpList(real('codex-mcp-list.txt')));
    expect(f).toMatchObject({ verdict: 'pass', line: 5, measured: { extra: { servers: 2, httpServers: 1, stdioServers: 1, bearerTokenEnvVar: 'LITELLM_API_KEY' } } });
  });

  test('older layout with `Has Bearer Token` (True/False)', () => {
    const text = 'Name  Command  Args  Env\nfs    npx      -y x  -\n\nName     Url                      Has Bearer Token\nlitellm  https://gw.example/mcp/  False\n';
    const f = first(parseCodexMcpList(text));
    expect(f).toMatchObject({ verdict: 'fail', failureClass: 'expectation' });
    expect(f.conditions).toContainEqual({ condition: 'litellm: bearer token configured', ok: false, actual: 'false' });
  });

  test('a disabled server is listed but not judged', () => {
    expect(first(parseCodexMcpList(real('codex-mcp-list-unreachable.txt')))).toMatchObject({ verdict: 'pass', summary: expect.stringContaining('old_disabled (disabled)') });
  });

  test('an empty configuration fails', () => {
    expect(first(parseCodexMcpList(real('codex-mcp-list-empty.txt')))).toMatchObject({ verdict: 'fail', measured: { extra: { servers: 0 } } });
  });

  test.each([
    ['no table at all', 'codex: command not found\n', /no `codex mcp list` table header/],
    ['a row cut before the last column', 'Name     Url                      Bearer Token Env Var  Status   Auth\nlitellm  https://gw/mcp/', /row ends before the "Auth" column/],
  ])('%s is unparseable', (_name, text, reason) => {
    const out = parseCodexMcpList(text);
    expect('unparseable' in out && out.unparseable.reason).toMatch(reason);
  });
});

describe('codex mcp list --json / get --json', () => {
  test('list --json from codex-cli 0.169', () => {
    const f = first(parseCodexMcpListJson(real('codex-mcp-list.json')));
    expect(f).toMatchObject({ verdict: 'pass', measured: { extra: { url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/mcp\/$/) } } });
    expect(f.conditions).toContainEqual({ condition: 'litellm: x-mcp-servers header set', ok: true, actual: 'x-mcp-servers' });
  });

  test('get --json', () => {
    expect(first(parseCodexMcpGetJson(real('codex-mcp-get.json')))).toMatchObject({ verdict: 'pass', line: 2 });
  });

  test('an HTTP server without x-mcp-servers fails', () => {
    const text = JSON.stringify({ name: 'gw', enabled: true, transport: { type: 'streamable_http', url: 'https://gw/mcp/', bearer_token_env_var: 'K', http_headers: null } });
    expect(first(parseCodexMcpGetJson(text))).toMatchObject({ verdict: 'fail' });
  });

  test.each([
    ['truncated JSON', real('codex-mcp-list.json').slice(0, 200), /^invalid JSON/],
    ['a different JSON shape', '{"servers": []}', /^not `codex mcp list --json` output: \(root\)/],
  ])('%s is unparseable', (_name, text, reason) => {
    const out = parseCodexMcpListJson(text);
    expect('unparseable' in out && out.unparseable.reason).toMatch(reason);
  });
});

describe('codex mcp get (text)', () => {
  test('HTTP server with masked header values', () => {
    const f = first(parseCodexMcpGet(real('codex-mcp-get.txt')));
    expect(f).toMatchObject({ verdict: 'pass', measured: { extra: { bearerTokenEnvVar: 'LITELLM_API_KEY' } } });
  });

  test('a disabled server fails', () => {
    expect(first(parseCodexMcpGet(real('codex-mcp-get-disabled.txt')))).toMatchObject({ verdict: 'fail', summary: expect.stringContaining('(disabled)') });
  });

  test('a capture cut after the name line is unparseable', () => {
    expect(parseCodexMcpGet('litellm\n  enabled: true\n')).toEqual({ unparseable: { reason: 'no `transport:` line; the capture looks truncated', line: 2 } });
  });
});

describe('codex doctor --json', () => {
  test('mcp.config ok passes', () => {
    expect(first(parseCodexDoctorJson(real('codex-doctor-ok.json')))).toMatchObject({ verdict: 'pass', measured: { extra: { mcpConfigStatus: 'ok', codexVersion: '0.169.0' } } });
  });

  test('a reachability failure fails with the class its text names', () => {
    const f = first(parseCodexDoctorJson(real('codex-doctor-unreachable.json')));
    expect(f).toMatchObject({ verdict: 'fail', failureClass: 'tcp_refused', summary: expect.stringContaining('HEAD connect failed; GET connect failed') });
    expect(f.line).toBeGreaterThan(1);
  });

  test('DNS failures in the reachability text are classed dns', () => {
    const doctor = { checks: { 'mcp.config': { id: 'mcp.config', status: 'warning', summary: 's', details: { 'optional reachability failed': 'gw: https://litellm.linuxserver.lan/mcp/ (DNS lookup failed)' } } } };
    expect(first(parseCodexDoctorJson(JSON.stringify(doctor)))).toMatchObject({ failureClass: 'dns' });
  });

  test('output without an mcp.config check is unparseable', () => {
    expect(parseCodexDoctorJson('{"checks": {}}')).toEqual({ unparseable: { reason: '`codex doctor --json` output has no `mcp.config` check', line: 1 } });
  });
});
