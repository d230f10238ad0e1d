/**
 * Each client's generated snippet, replayed against the demo gateway with exactly the headers that
 * client sends; and wrong snippets (no scope header, `Token` scheme, a bare `${VAR}` sent literally)
 * failing the way the gateway makes them fail.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Agent } from 'undici';
import { startDemoGateway, type DemoGateway } from '../../src/demo-gateway/index.ts';
import { loadProjectConfig } from '../../src/config/load.ts';
import { executeRun } from '../../src/probes/run.ts';
import { evaluateClientProfile } from '../../src/checks/client-profile.ts';
import { probeClientProfile } from '../../src/probes/client-profile.ts';
import type { ProbeContext } from '../../src/probes/context.ts';
import { ClientProfileCheckSchema, type ClientId } from '../../src/schemas/client-profile-check.ts';
import { clientIds, generateSetup } from '../../src/clients/registry.ts';
import { fixtureGateway } from './support/gateway.ts';

const key = `sk-canary-${randomBytes(8).toString('hex')}`;
let gateway: DemoGateway;
const dispatcher = new Agent();

beforeAll(async () => {
  gateway = await startDemoGateway({ masterKey: key });
});
afterAll(async () => {
  await gateway?.stop();
  await dispatcher.close();
});

function probeContext(): ProbeContext {
  return {
    environmentId: 'demo',
    environment: fixtureGateway.environments.demo!,
    baseUrl: gateway.url,
    origin: 'sandbox',
    dispatcher,
    signal: AbortSignal.timeout(15_000),
    credentials: { key },
    maxBodyBytes: 1024 * 1024,
    now: () => performance.now(),
  };
}

async function replay(client: ClientId, text?: string) {
  const check = ClientProfileCheckSchema.parse({ id: `clients.${client}`, title: client, kind: 'client-profile', client });
  const obs = await probeClientProfile(check, probeContext(), text);
  return evaluateClientProfile(check, obs);
}

test('the clients checks run through the probe engine against the demo gateway', async () => {
  const config = await loadProjectConfig(process.cwd());
  const { run, raw } = await executeRun({
    gateway: config.gateway,
    checks: config.checks,
    environment: 'demo',
    origin: 'sandbox',
    baseUrl: gateway.url,
    only: clientIds.map((client) => `clients.${client}`),
    env: { LITELLM_API_KEY: key },
    write: false,
  });
  const verdicts = Object.fromEntries(run.records.map((r) => [r.checkId, `${r.verdict}${r.failureClass ? ` ${r.failureClass}` : ''}`]));
  expect(verdicts).toEqual(Object.fromEntries(clientIds.map((client) => [`clients.${client}`, 'pass'])));
  for (const record of run.records) {
    expect(record.measured.clientProfile).toBe(record.checkId.slice('clients.'.length));
    expect(record.measured.toolsByServer?.mcp_filesystem).toBeGreaterThan(0);
  }
  // The canary key reaches neither the records nor the raw transcripts.
  expect(JSON.stringify(run) + raw.map((a) => a.content).join('\n')).not.toContain(key);
}, 60_000);

describe('wrong snippets fail', () => {
  const demoSetup = (client: ClientId) => generateSetup(fixtureGateway, client, 'demo', { baseUrl: gateway.url }).primary.code;

  test.each(clientIds)('%s without x-mcp-servers fails its scope condition', async (client) => {
    const text = demoSetup(client)
      .replace(/,?\s*"--header",\s*"x-mcp-servers:[^"]*"/, '')
      .replace(/http_headers = \{[^}]*\}\n/, '')
      .replace(/"x-mcp-servers": "[^"]*"/, '"x-other": "1"')
      .replace(/\s*--header "x-mcp-servers: [^"]*"/, '')
      .replace(/ \\\n\s*-H 'x-mcp-servers: [^']*'/, '');
    expect(text).not.toContain('x-mcp-servers');
    const outcome = await replay(client, text);
    expect(outcome.verdict).toBe('fail');
    expect(outcome.summary).toMatch(/^x-mcp-servers == mcp_postgres,mcp_filesystem — got \(absent\)/);
  });

  test.each(clientIds.filter((c) => c !== 'codex' && c !== 'open-webui'))('%s with "Token" instead of "Bearer" gets Traefik\'s 404', async (client) => {
    const text = demoSetup(client).replace(/Authorization(["']?\s*:\s*|:)(["']?)Bearer /, 'Authorization$1$2Token ').replace('"AUTH_HEADER": "Bearer ', '"AUTH_HEADER": "Token ');
    const outcome = await replay(client, text);
    expect(outcome).toMatchObject({ verdict: 'fail', failureClass: 'http_status' });
    expect(outcome.measured.extra?.authScheme).toBe('Token');
    expect(outcome.measured.status).toBe(404);
  });

  test('vscode with a bare ${VAR}: VS Code sends it literally and LiteLLM answers 401', async () => {
    const text = demoSetup('vscode').replace('${input:litellm-key}', '${LITELLM_API_KEY}');
    const outcome = await replay('vscode', text);
    expect(outcome).toMatchObject({ verdict: 'fail', failureClass: 'http_status', measured: { status: 401 } });
  });

  test('cursor with a bare ${VAR} and inspector with single quotes: both send the reference, not the key', async () => {
    expect(await replay('cursor', demoSetup('cursor').replace('${env:LITELLM_API_KEY}', '${LITELLM_API_KEY}'))).toMatchObject({ verdict: 'fail', measured: { status: 401 } });
    expect(await replay('inspector', demoSetup('inspector').replace('"Authorization: Bearer $LITELLM_API_KEY"', "'Authorization: Bearer $LITELLM_API_KEY'"))).toMatchObject({ verdict: 'fail', measured: { status: 401 } });
  });

  test('codex with a headers table: the scope header is never sent', async () => {
    const text = demoSetup('codex').replace('http_headers =', 'headers =');
    const outcome = await replay('codex', text);
    expect(outcome.summary).toMatch(/^x-mcp-servers == .* got \(absent\)/);
  });

  test('codex with an inline bearer_token: Codex refuses the config before sending anything', async () => {
    const text = demoSetup('codex').replace('bearer_token_env_var = "LITELLM_API_KEY"', 'bearer_token = "sk-inline"');
    const outcome = await replay('codex', text);
    expect(outcome).toMatchObject({ verdict: 'fail', failureClass: 'expectation' });
    expect(outcome.summary).toContain('inline `bearer_token` is rejected by Codex');
  });
});
