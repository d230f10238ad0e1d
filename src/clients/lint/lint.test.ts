import { describe, expect, test } from 'vitest';
import type { LintProblem } from '../types.ts';
import { lintClaudeDesktopConfig } from './claude-desktop.ts';
import { lintCodexConfig } from './codex.ts';
import { lintClaudeCodeConfig, lintCursorConfig } from './mcp-servers.ts';
import { lintOpenWebuiConnections } from './open-webui.ts';
import { lintVscodeConfig } from './vscode.ts';

/** One problem per line as `line:severity rule`, the shape lint-client prints minus the message. */
const brief = (problems: LintProblem[]) => problems.map((p) => `${p.line}:${p.severity} ${p.rule}`);

describe('codex', () => {
  test('inline bearer_token, headers table, unknown key, syntax error — each on its own line', () => {
    const text = `[mcp_servers.litellm]
url = "https://gw/mcp/"
bearer_token = "sk-abcdef123456"
headers = { "x-mcp-servers" = "mcp_postgres" }
colour = "blue"
`;
    expect(lintCodexConfig(text)).toMatchInlineSnapshot(`
      [
        {
          "line": 3,
          "message": "mcp_servers.litellm: inline \`bearer_token\` is rejected by Codex; put the key in an env var and write \`bearer_token_env_var = "LITELLM_API_KEY"\`",
          "rule": "codex/inline-bearer-token",
          "severity": "error",
        },
        {
          "line": 4,
          "message": "mcp_servers.litellm: Codex silently ignores a \`headers\` table and sends none of it; use \`http_headers\` (literal values) or \`env_http_headers\` (env var names)",
          "rule": "codex/headers-table",
          "severity": "error",
        },
        {
          "line": 5,
          "message": "mcp_servers.litellm: Codex ignores unknown key \`colour\`",
          "rule": "codex/unknown-key",
          "severity": "warning",
        },
      ]
    `);
  });

  test('command and url together; stdio key on an http server', () => {
    const text = `[mcp_servers.a]
command = "npx"
url = "https://gw/mcp/"

[mcp_servers.b]
url = "https://gw/mcp/"
args = ["-y"]
`;
    expect(brief(lintCodexConfig(text))).toMatchInlineSnapshot(`
      [
        "3:error codex/stdio-field",
        "7:error codex/http-field",
      ]
    `);
  });

  test('TOML syntax error carries line and column', () => {
    expect(lintCodexConfig('[mcp_servers.litellm]\nurl = "https://gw/mcp/\n')).toMatchInlineSnapshot(`
      [
        {
          "column": 23,
          "line": 2,
          "message": "TOML syntax error: unterminated string (a closing \" is missing on this line)",
          "rule": "codex/toml-syntax",
          "severity": "error",
        },
      ]
    `);
  });

  test('variables in http_headers are sent literally; a key value in bearer_token_env_var; a headers sub-table', () => {
    const text = `[mcp_servers.litellm]
url = "https://gw/mcp/"
bearer_token_env_var = "sk-abcdef123456"
http_headers = { "Authorization" = "Token \${LITELLM_API_KEY}" }

[mcp_servers.litellm.headers]
x-mcp-servers = "mcp_postgres"
`;
    expect(brief(lintCodexConfig(text))).toMatchInlineSnapshot(`
      [
        "3:error codex/env-name",
        "4:error codex/auth-scheme",
        "4:error codex/no-expansion",
        "6:error codex/headers-table",
      ]
    `);
  });
});

describe('vscode', () => {
  test('bare ${VAR}, missing input, env in headers, wrong top-level key', () => {
    const text = `{
  // comments are fine in VS Code's mcp.json
  "inputs": [{ "type": "promptString", "id": "key" }],
  "servers": {
    "litellm": {
      "type": "http",
      "url": "https://gw/mcp/",
      "headers": {
        "Authorization": "Bearer \${LITELLM_API_KEY}",
        "x-a": "\${input:nope}",
        "x-b": "\${env:HOME}",
        "x-c": "\${input:key}"
      }
    }
  },
}
`;
    expect(lintVscodeConfig(text)).toMatchInlineSnapshot(`
      [
        {
          "line": 9,
          "message": "VS Code never expands bare \${LITELLM_API_KEY}; it is sent literally (the gateway answers 401). Use \${input:…} (prompted, kept in secret storage) or \${env:LITELLM_API_KEY}",
          "rule": "vscode/bare-variable",
          "severity": "error",
        },
        {
          "line": 10,
          "message": "\${input:nope} has no matching entry in "inputs" (add { "type": "promptString", "id": "nope", "password": true })",
          "rule": "vscode/missing-input",
          "severity": "error",
        },
        {
          "line": 11,
          "message": "\${env:HOME} in headers is not substituted on some VS Code versions (microsoft/vscode#336232); prefer \${input:…}",
          "rule": "vscode/env-in-headers",
          "severity": "warning",
        },
        {
          "line": 12,
          "message": "input "key" carries a secret; set "password": true so it is masked while typed",
          "rule": "vscode/input-password",
          "severity": "warning",
        },
      ]
    `);
  });

  test('mcpServers instead of servers; missing type', () => {
    expect(brief(lintVscodeConfig('{\n  "mcpServers": {}\n}'))).toMatchInlineSnapshot(`
      [
        "2:error vscode/servers",
      ]
    `);
    expect(brief(lintVscodeConfig('{\n  "servers": {\n    "x": { "url": "https://gw/mcp/" }\n  }\n}'))).toMatchInlineSnapshot(`
      [
        "3:error vscode/type",
      ]
    `);
  });
});

describe('claude code and cursor', () => {
  const file = (auth: string, extra = '') => `{
  "mcpServers": {
    "litellm": {${extra}
      "url": "https://gw/mcp/",
      "headers": {
        "Authorization": "${auth}"
      }
    }
  }
}
`;
  test.each([
    ['claude-code', 'Bearer ${LITELLM_API_KEY}', '\n      "type": "http",'],
    ['cursor', 'Bearer ${env:LITELLM_API_KEY}', ''],
  ])('%s: its own syntax is clean', (client, auth, extra) => {
    const lint = client === 'cursor' ? lintCursorConfig : lintClaudeCodeConfig;
    expect(lint(file(auth, extra), { env: { LITELLM_API_KEY: 'x' } })).toEqual([]);
  });

  test('claude-code: missing type, ${env:…} syntax, Token scheme, unset variable', () => {
    expect(brief(lintClaudeCodeConfig(file('Token ${env:LITELLM_API_KEY}')))).toMatchInlineSnapshot(`
      [
        "3:error claude-code/type",
        "6:error claude-code/auth-scheme",
        "6:error claude-code/variable-syntax",
      ]
    `);
    expect(brief(lintClaudeCodeConfig(file('Bearer ${LITELLM_API_KEY}', '\n      "type": "http",'), { env: {} }))).toMatchInlineSnapshot(`
      [
        "7:warning claude-code/unset-variable",
      ]
    `);
  });

  test('cursor: bare ${VAR}, literal key, comments are a syntax error', () => {
    expect(brief(lintCursorConfig(file('Bearer ${LITELLM_API_KEY}')))).toMatchInlineSnapshot(`
      [
        "6:error cursor/variable-syntax",
      ]
    `);
    expect(brief(lintCursorConfig(file('Bearer sk-live-1234567890abcdef')))).toMatchInlineSnapshot(`
      [
        "6:error cursor/literal-secret",
      ]
    `);
    expect(brief(lintCursorConfig('{\n  // no\n  "mcpServers": {}\n}'))).toMatchInlineSnapshot(`
      [
        "2:error cursor/json-syntax",
      ]
    `);
  });
});

describe('claude desktop', () => {
  test('a url entry is ignored by the app; mcp-remote header with a space; undefined variable; plain http', () => {
    const text = `{
  "mcpServers": {
    "a": { "type": "http", "url": "https://gw/mcp/" },
    "b": {
      "command": "npx",
      "args": ["-y", "mcp-remote", "http://127.0.0.1:4000/mcp/",
        "--header", "Authorization: Bearer \${KEY}"]
    }
  }
}
`;
    expect(brief(lintClaudeDesktopConfig(text))).toMatchInlineSnapshot(`
      [
        "3:error claude-desktop/remote-entry",
        "3:error claude-desktop/remote-entry",
        "3:error claude-desktop/command",
        "6:error claude-desktop/allow-http",
        "7:warning claude-desktop/header-space",
        "7:error claude-desktop/undefined-variable",
      ]
    `);
  });
});

describe('open webui', () => {
  test('openapi type, empty bearer key, Authorization in custom headers', () => {
    const text = `[
  {
    "type": "openapi",
    "url": "https://gw/mcp/",
    "auth_type": "bearer",
    "key": "",
    "headers": { "Authorization": "Bearer x" },
    "info": { "id": "litellm" }
  }
]
`;
    expect(brief(lintOpenWebuiConnections(text))).toMatchInlineSnapshot(`
      [
        "3:error open-webui/type",
        "6:error open-webui/empty-key",
        "7:warning open-webui/auth-override",
      ]
    `);
  });
});
