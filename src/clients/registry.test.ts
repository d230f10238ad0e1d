import { describe, expect, test } from 'vitest';
import { fixtureGateway } from '../../tests/clients/support/gateway.ts';
import { clientIds, clients, generateSetup, guideEnvironments, type ClientId } from './registry.ts';
import type { ClientGenerator } from './types.ts';

const cases = clientIds.flatMap((client) => guideEnvironments(fixtureGateway).map((env) => [client, env] as const));

describe('every generated setup', () => {
  test('covers the internal and external environments, not the demo', () => {
    expect(guideEnvironments(fixtureGateway)).toEqual(['internal', 'external']);
  });

  test.each(cases)('%s / %s passes its own validator without errors or warnings', (client, env) => {
    const setup = generateSetup(fixtureGateway, client, env);
    const lint = (clients[client] as ClientGenerator).lint;
    if (lint) expect(lint(setup.primary.code, { env: { LITELLM_API_KEY: 'set' } }).filter((p) => p.rule !== 'claude-desktop/placeholder' && p.rule !== 'open-webui/placeholder')).toEqual([]);
  });

  test.each(cases)('%s / %s sends Bearer auth from the key env var and the scoped servers', (client, env) => {
    const setup = generateSetup(fixtureGateway, client, env);
    const host = env === 'internal' ? 'litellm.linuxserver.lan' : 'litellm.example.com';
    expect(setup.sends.url).toBe(`https://${host}/mcp/`);
    expect(setup.sends.headers).toMatchObject({ Authorization: 'Bearer <LITELLM_API_KEY>', 'x-mcp-servers': 'mcp_postgres,mcp_filesystem' });
  });

  test.each(cases)('%s / %s never contains a key value, only the env var name', (client, env) => {
    const setup = generateSetup(fixtureGateway, client, env);
    for (const snippet of setup.snippets) expect(snippet.code).not.toMatch(/sk-[A-Za-z0-9]/);
  });
});

describe('generated primary snippets (internal)', () => {
  const primary = (client: ClientId) => generateSetup(fixtureGateway, client, 'internal').primary.code;

  test('codex config.toml', () => {
    expect(primary('codex')).toMatchInlineSnapshot(`
      "# Codex reads this from $CODEX_HOME/config.toml (default ~/.codex/config.toml).
      [mcp_servers.litellm]
      url = "https://litellm.linuxserver.lan/mcp/"
      # Codex reads the key from this env var and sends "Authorization: Bearer <key>".
      bearer_token_env_var = "LITELLM_API_KEY"
      http_headers = { "x-mcp-servers" = "mcp_postgres,mcp_filesystem" }
      startup_timeout_sec = 20
      tool_timeout_sec = 60
      "
    `);
  });
  test('vscode mcp.json', () => {
    expect(primary('vscode')).toMatchInlineSnapshot(`
      "{
        "inputs": [
          {
            "type": "promptString",
            "id": "litellm-key",
            "description": "LiteLLM API key (the value you keep in LITELLM_API_KEY)",
            "password": true
          }
        ],
        "servers": {
          "litellm": {
            "type": "http",
            "url": "https://litellm.linuxserver.lan/mcp/",
            "headers": {
              "Authorization": "Bearer \${input:litellm-key}",
              "x-mcp-servers": "mcp_postgres,mcp_filesystem"
            }
          }
        }
      }
      "
    `);
  });
  test('claude-desktop mcp-remote entry', () => {
    expect(primary('claude-desktop')).toMatchInlineSnapshot(`
      "{
        "mcpServers": {
          "litellm": {
            "command": "npx",
            "args": [
              "-y",
              "mcp-remote",
              "https://litellm.linuxserver.lan/mcp/",
              "--transport",
              "http-only",
              "--header",
              "Authorization:\${AUTH_HEADER}",
              "--header",
              "x-mcp-servers:mcp_postgres,mcp_filesystem"
            ],
            "env": {
              "AUTH_HEADER": "Bearer <LITELLM_API_KEY>"
            }
          }
        }
      }
      "
    `);
  });
  test('inspector command', () => {
    expect(primary('inspector')).toMatchInlineSnapshot(`
      "npx -y @modelcontextprotocol/inspector@2 --cli https://litellm.linuxserver.lan/mcp/ \\
        --transport http --method tools/list \\
        --header "Authorization: Bearer $LITELLM_API_KEY" \\
        --header "x-mcp-servers: mcp_postgres,mcp_filesystem"
      "
    `);
  });
});

test('an unknown environment names the file, the field and the known ones', () => {
  expect(() => generateSetup(fixtureGateway, 'codex', 'staging')).toThrowErrorMatchingInlineSnapshot(`[Error: content/gateway.yaml → environments.staging: no such environment (known: internal, external, demo)]`);
});
