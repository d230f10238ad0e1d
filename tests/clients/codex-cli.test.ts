/**
 * The real Codex CLI (node_modules @openai/codex) judges every generated Codex config and the
 * broken ones, and our validator must agree with it: Codex refuses exactly what the validator
 * flags as a refusal, and the `headers` table it accepts silently is proven to send nothing.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { codexErrorText } from '../../src/checks/codex-cli.ts';
import { createCodexHome, type CodexHome } from '../../src/probes/codex-cli/run-codex.ts';
import { runIsolated } from '../../src/probes/codex-cli/isolated.ts';
import { CODEX_REFUSES, lintCodexConfig } from '../../src/clients/lint/codex.ts';
import { generateSetup } from '../../src/clients/registry.ts';
import { fixtureGateway } from './support/gateway.ts';

const homes: CodexHome[] = [];
afterAll(async () => {
  await Promise.all(homes.map((home) => home.dispose()));
});
async function codex(config: string, args: string[]) {
  const home = await createCodexHome(config);
  homes.push(home);
  return home.run(args, { env: { LITELLM_API_KEY: 'sk-test-not-a-real-key' }, timeoutMs: 30_000 });
}

test('codex only ever runs in a loopback-only network namespace', async () => {
  const result = await runIsolated(['ip', '-o', 'link'], { timeoutMs: 10_000 });
  expect(result.code).toBe(0);
  expect(result.stdout.trim().split('\n').map((line) => line.split(':')[1]?.trim())).toEqual(['lo']);
});

test('a name lookup in the namespace fails at once: codex doctor does not wait out its resolver (10 s before)', async () => {
  const resolv = await runIsolated(['cat', '/etc/resolv.conf'], { timeoutMs: 10_000 });
  expect(resolv.stdout).toMatch(/^options timeout:0 attempts:1$/m);
  const started = performance.now();
  const doctor = await codex('[mcp_servers.litellm]\nurl = "http://127.0.0.1:9/mcp/"\n', ['doctor', '--json']);
  const elapsedMs = performance.now() - started;
  const checks = JSON.parse(doctor.stdout).checks;
  // The lookups still fail, as they must without a network: only the waiting is gone.
  expect(checks['network.websocket_reachability'].details.DNS).toMatch(/lookup failed/);
  expect(checks['network.websocket_reachability'].durationMs).toBeLessThan(2000);
  expect(elapsedMs).toBeLessThan(4000);
});

describe('generated configs', () => {
  const envs = [
    ['internal', undefined],
    ['external', undefined],
    ['demo', 'http://127.0.0.1:41234'],
  ] as const;
  test.each(envs)('%s: Codex loads it and reads url, bearer_token_env_var and http_headers back', async (env, baseUrl) => {
    const setup = generateSetup(fixtureGateway, 'codex', env, { baseUrl });
    expect(lintCodexConfig(setup.primary.code)).toEqual([]);
    const get = await codex(setup.primary.code, ['mcp', 'get', 'litellm', '--json']);
    expect(codexErrorText(get.stderr)).toBe('');
    expect(get.code).toBe(0);
    expect(JSON.parse(get.stdout)).toMatchObject({
      name: 'litellm',
      enabled: true,
      transport: {
        type: 'streamable_http',
        url: setup.sends.url,
        bearer_token_env_var: 'LITELLM_API_KEY',
        http_headers: { 'x-mcp-servers': 'mcp_postgres,mcp_filesystem' },
      },
      startup_timeout_sec: 20,
    });
    const list = await codex(setup.primary.code, ['mcp', 'list', '--json']);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toMatchObject([{ name: 'litellm', auth_status: 'bearer_token' }]);
  });
});

const base = '[mcp_servers.litellm]\nurl = "https://litellm.linuxserver.lan/mcp/"\n';
const broken = [
  ['inline bearer_token', `${base}bearer_token = "sk-inline-123456"\n`, 'codex/inline-bearer-token', 'bearer_token is not supported for streamable_http'],
  ['command and url together', `[mcp_servers.litellm]\ncommand = "npx"\nurl = "https://litellm.linuxserver.lan/mcp/"\n`, 'codex/stdio-field', 'url is not supported for stdio'],
  ['TOML syntax error', '[mcp_servers.litellm]\nurl = "https://litellm.linuxserver.lan/mcp/\n', 'codex/toml-syntax', 'TOML parse error at line 2'],
  ['neither url nor command', '[mcp_servers.litellm]\nstartup_timeout_sec = 5\n', 'codex/transport', 'invalid transport'],
  ['args on an http server', `${base}args = ["-y"]\n`, 'codex/http-field', 'args is not supported for streamable_http'],
] as const;

describe('broken configs: the validator and Codex agree', () => {
  test.each(broken)('%s: Codex refuses it and so does the validator', async (_name, config, rule, codexSays) => {
    const problems = lintCodexConfig(config);
    expect(problems.map((p) => p.rule)).toContain(rule);
    expect(problems.some((p) => CODEX_REFUSES.has(p.rule))).toBe(true);
    const result = await codex(config, ['mcp', 'list', '--json']);
    expect(result.code).not.toBe(0);
    expect(codexErrorText(result.stderr)).toContain(codexSays);
  });

  test('a headers table: Codex accepts the file but sends none of it, so the validator flags it', async () => {
    const config = `${base}bearer_token_env_var = "LITELLM_API_KEY"\nheaders = { "x-mcp-servers" = "mcp_postgres,mcp_filesystem" }\n`;
    expect(lintCodexConfig(config)).toMatchObject([{ line: 4, rule: 'codex/headers-table', severity: 'error' }]);
    const get = await codex(config, ['mcp', 'get', 'litellm', '--json']);
    expect(get.code).toBe(0);
    const transport = JSON.parse(get.stdout).transport;
    expect(transport.http_headers).toBeNull();
    expect(transport.env_http_headers).toBeNull();
    expect(JSON.stringify(transport)).not.toContain('mcp_postgres');
  });

  test('an unknown key is ignored by Codex too: a warning, not a refusal', async () => {
    const config = `${base}colour = "blue"\n`;
    expect(lintCodexConfig(config).map((p) => `${p.severity} ${p.rule}`)).toEqual(['warning codex/unknown-key']);
    expect((await codex(config, ['mcp', 'list', '--json'])).code).toBe(0);
  });
});

test('codex doctor --json loads the generated config and counts the server', async () => {
  const setup = generateSetup(fixtureGateway, 'codex', 'internal');
  const doctor = await codex(setup.primary.code, ['doctor', '--json']);
  const report = JSON.parse(doctor.stdout);
  expect(report.checks['config.load']).toMatchObject({ status: 'ok', details: { 'config.toml parse': 'ok', 'mcp servers': '1' } });
  expect(report.checks['mcp.config'].details).toMatchObject({ 'configured servers': '1', 'streamable_http servers': '1' });
  expect(report.checks['mcp.config'].status).not.toBe('fail');
}, 60_000);
