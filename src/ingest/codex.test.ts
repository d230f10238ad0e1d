import { describe, expect, test } from 'vitest';
import { real } from '../../tests/ingest/fixtures.ts';
import { parseFile, recordOf } from '../../tests/ingest/import-helpers.ts';
import { parseCodexDoctorJson, parseCodexMcpGet, parseCodexMcpList, parseCodexMcpListJson } from './codex-captures.ts';

const list = (text: string) => recordOf('codex-mcp-list', text, 'clients.codex-cli');

describe('codex mcp list (text)', () => {
  test('current two-table layout from codex-cli 0.169', () => {
    expect(list(real('codex-mcp-list.txt'))).toMatchObject({ verdict: 'pass', source: { line: 5 }, measured: { extra: { servers: 2, httpServers: 1, bearerTokenEnvVar: 'LITELLM_API_KEY' } } });
  });

  // Was "fail": `codex mcp list` only reads config.toml and never connects, so it cannot tell whether the server
  // needs a key; a well-formed enabled server passes (corpus: codex/env-unset-list-json, codex/missing-command-list).
  test('older layout with `Has Bearer Token` (True/False): a well-formed enabled server passes, its auth kept', () => {
    const text = 'Name  Command  Args  Env\nfs    npx      -y x  -\n\nName     Url                      Has Bearer Token\nlitellm  https://gw.example/mcp/  False\n';
    expect(list(text)).toMatchObject({ verdict: 'pass', measured: { extra: { servers: 2, httpServers: 1 } } });
  });

  test('a disabled server is listed but not judged', () => {
    expect(list(real('codex-mcp-list-unreachable.txt'))).toMatchObject({ verdict: 'pass', summary: expect.stringContaining('old_disabled (disabled)') });
  });

  test('an empty configuration fails', () => {
    expect(list(real('codex-mcp-list-empty.txt'))).toMatchObject({ verdict: 'fail', failureClass: 'expectation', measured: { extra: { servers: 0 } } });
  });

  test.each([
    ['no table at all', 'codex: command not found\n', /no `codex mcp list` table header/],
    ['a row cut before the last column', 'Name     Url                      Bearer Token Env Var  Status   Auth\nlitellm  https://gw/mcp/', /row ends before the "Auth" column/],
  ])('%s is unparseable', (_name, text, reason) => {
    const out = parseFile(parseCodexMcpList, text);
    expect('unparseable' in out && out.unparseable.reason).toMatch(reason);
  });

  test('a saved transcript with Codex refusing its config reads as config_invalid', () => {
    const text = 'Error: failed to load bootstrap configuration\n\nCaused by:\n    bearer_token is not supported for streamable_http\n    in `mcp_servers.litellm`\n';
    expect(list(text)).toMatchObject({ verdict: 'fail', failureClass: 'config_invalid', summary: expect.stringContaining('bearer_token is not supported') });
  });
});

describe('codex mcp list --json / get --json', () => {
  test('list --json from codex-cli 0.169', () => {
    expect(recordOf('codex-mcp-list-json', real('codex-mcp-list.json'), 'clients.codex-cli')).toMatchObject({ verdict: 'pass', measured: { extra: { url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/mcp\/$/), auth: 'bearer_token' } } });
  });

  test('get --json', () => {
    expect(recordOf('codex-mcp-get-json', real('codex-mcp-get.json'), 'clients.codex-cli')).toMatchObject({ verdict: 'pass', source: { line: 2 } });
  });

  // Was "fail": the x-mcp-servers scope is a condition of the GENERATED config (the probe checks it); a real
  // user's get/list output without it still shows a config Codex loads (corpus: codex/headers-table-list-json).
  test('an HTTP server without x-mcp-servers still loads', () => {
    const text = JSON.stringify({ name: 'gw', enabled: true, transport: { type: 'streamable_http', url: 'https://gw/mcp/', bearer_token_env_var: 'K', http_headers: null } });
    expect(recordOf('codex-mcp-get-json', text, 'clients.codex-cli')).toMatchObject({ verdict: 'pass' });
  });

  test.each([
    ['truncated JSON', real('codex-mcp-list.json').slice(0, 200), /^invalid JSON/],
    ['a different JSON shape', '{"servers": []}', /^not `codex mcp list --json` output: \(root\)/],
  ])('%s is unparseable', (_name, text, reason) => {
    const out = parseFile(parseCodexMcpListJson, text);
    expect('unparseable' in out && out.unparseable.reason).toMatch(reason);
  });
});

describe('codex mcp get (text)', () => {
  test('HTTP server with masked header values', () => {
    expect(recordOf('codex-mcp-get', real('codex-mcp-get.txt'), 'clients.codex-cli')).toMatchObject({ verdict: 'pass', measured: { extra: { bearerTokenEnvVar: 'LITELLM_API_KEY' } } });
  });

  test('a disabled server fails', () => {
    const record = recordOf('codex-mcp-get', real('codex-mcp-get-disabled.txt'), 'clients.codex-cli');
    expect(record).toMatchObject({ verdict: 'fail', failureClass: 'expectation' });
    expect(record.conditions).toContainEqual({ condition: 'an enabled MCP server is configured', ok: false, actual: '0 of 1 enabled' });
  });

  test('a capture cut after the name line is unparseable', () => {
    expect(parseFile(parseCodexMcpGet, 'litellm\n  enabled: true\n')).toEqual({ unparseable: { reason: 'no `transport:` line; the capture looks truncated', line: 2 } });
  });
});

describe('codex doctor --json', () => {
  const doctor = (text: string) => recordOf('codex-doctor-json', text, 'clients.codex-cli');

  test('mcp.config ok passes', () => {
    expect(doctor(real('codex-doctor-ok.json'))).toMatchObject({ verdict: 'pass', measured: { extra: { doctorMcp: 'ok', codexVersion: '0.169.0' } } });
  });

  test('a reachability failure fails with the class its text names', () => {
    const record = doctor(real('codex-doctor-unreachable.json'));
    expect(record).toMatchObject({ verdict: 'fail', failureClass: 'tcp_refused', summary: expect.stringContaining('HEAD connect failed; GET connect failed') });
    expect(record.source.type === 'import' && record.source.line).toBeGreaterThan(1);
  });

  test('DNS failures in the reachability text are classed dns', () => {
    const report = { checks: { 'mcp.config': { id: 'mcp.config', status: 'warning', summary: 's', details: { 'optional reachability failed': 'gw: https://litellm.linuxserver.lan/mcp/ (DNS lookup failed)' } } } };
    expect(doctor(JSON.stringify(report))).toMatchObject({ failureClass: 'dns' });
  });

  test('output without config.load or mcp.config is unparseable', () => {
    expect(parseFile(parseCodexDoctorJson, '{"checks": {}}')).toEqual({ unparseable: { reason: '`codex doctor --json` output has neither a `config.load` nor an `mcp.config` check', line: 1 } });
  });
});
