/** The lint-client and verify-client commands, run as a user runs them. */
import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { generateSetup } from '../../src/clients/registry.ts';
import { startDemoGateway } from '../../src/demo-gateway/index.ts';
import { fixtureGateway } from './support/gateway.ts';

const run = promisify(execFile);
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'proofbook-lint-client-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function cli(script: string, args: string[]) {
  try {
    const { stdout } = await run(process.execPath, [script, ...args], { env: { ...process.env, LITELLM_API_KEY: 'x' }, timeout: 120_000 });
    return { code: 0, stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  }
}

test.each([
  ['config.toml', 'codex'],
  ['.vscode/mcp.json', 'vscode'],
  ['.mcp.json', 'claude-code'],
  ['.cursor/mcp.json', 'cursor'],
  ['claude_desktop_config.json', 'claude-desktop'],
] as const)('lint-client detects %s as %s and accepts the generated file', async (name, client) => {
  const file = path.join(dir, client, name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, generateSetup(fixtureGateway, client, 'internal').primary.code);
  const result = await cli('scripts/lint-client.ts', [file]);
  expect(result.code).toBe(0);
  expect(result.stdout).toContain(`(${client})`);
});

test('lint-client names each problem with file:line and exits 1', async () => {
  const file = path.join(dir, 'broken.toml');
  await writeFile(file, '[mcp_servers.litellm]\nurl = "https://gw/mcp/"\nbearer_token = "sk-inline-123456"\nheaders = { "x-mcp-servers" = "a" }\n');
  const result = await cli('scripts/lint-client.ts', [file]);
  expect(result.code).toBe(1);
  expect(result.stdout.replaceAll(dir, '<dir>')).toMatchInlineSnapshot(`
    "<dir>/broken.toml:3: error: mcp_servers.litellm: inline \`bearer_token\` is rejected by Codex; put the key in an env var and write \`bearer_token_env_var = "LITELLM_API_KEY"\` [codex/inline-bearer-token]
    <dir>/broken.toml:4: error: mcp_servers.litellm: Codex silently ignores a \`headers\` table and sends none of it; use \`http_headers\` (literal values) or \`env_http_headers\` (env var names) [codex/headers-table]
    <dir>/broken.toml:4: error: x-mcp-servers names "a", which content/gateway.yaml does not define (it lists mcp_postgres, mcp_filesystem) [codex/unknown-server]
    <dir>/broken.toml: 3 error(s), 0 warning(s) (codex)
    "
  `);
});

test('verify-client codex against the embedded demo gateway passes both checks', async () => {
  const result = await cli('scripts/verify-client.ts', ['codex', '--no-write']);
  expect(result.stdout).toMatch(/^pass\s+clients\.codex\s/m);
  expect(result.stdout).toMatch(/^pass\s+clients\.codex-cli\s/m);
  expect(result.code).toBe(0);
}, 120_000);

test('verify-client codex --config runs the real Codex CLI on the user\'s own file and judges it against the environment', async () => {
  // A gateway Codex can reach when it shares this loopback (inside the test namespace); outside one, Codex gets its
  // own namespace and its reachability check is not judged.
  const gateway = await startDemoGateway({ masterKey: 'sk-verify-config-test' });
  try {
    const own = path.join(dir, 'own-config.toml');
    await writeFile(own, generateSetup(fixtureGateway, 'codex', 'demo', { baseUrl: gateway.url }).primary.code);
    const args = ['codex', '--config', own, '--env', 'demo', '--base-url', gateway.url];
    const good = await cli('scripts/verify-client.ts', args);
    expect(good.code, good.stdout).toBe(0);
    expect(good.stdout).toMatch(/^pass\s+codex loads .*own-config\.toml for demo: Codex \d+\.\d+\.\d+ loads litellm/m);
    // The same file pointed at another host, without the scope header: Codex loads it, and says what it read.
    await writeFile(own, '[mcp_servers.litellm]\nurl = "https://elsewhere.example/mcp/"\nbearer_token_env_var = "LITELLM_API_KEY"\n');
    const wrong = await cli('scripts/verify-client.ts', args);
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toContain(`✗ transport.url == ${gateway.url}/mcp/ — got https://elsewhere.example/mcp/`);
    expect(wrong.stdout).toContain('✗ transport.http_headers.x-mcp-servers == mcp_postgres,mcp_filesystem — got ');
  } finally {
    await gateway.stop();
  }
});
