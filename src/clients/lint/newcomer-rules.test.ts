// lint-client's checks against the gateway and this machine (issue 27), on the real parsers' behaviour:
// smol-toml and jsonc-parser report the errors, a real PATH lookup finds (or not) the commands.
import { expect, test } from 'vitest';
import { isCommandOnPath } from '../../util/command-on-path.ts';
import { lintClientText } from './index.ts';

const servers = ['mcp_postgres', 'mcp_filesystem'];
const options = { env: { LITELLM_API_KEY: 'set' }, servers, commandExists: (command: string) => isCommandOnPath(command) };
const lines = (problems: ReturnType<typeof lintClientText>) => problems.map((p) => `${p.line}: ${p.severity}: ${p.message} [${p.rule}]`);

test('a typo in x-mcp-servers is an error naming the nearest server gateway.yaml defines, in every format', () => {
  const toml = '[mcp_servers.litellm]\nurl = "http://a/mcp/"\nbearer_token_env_var = "LITELLM_API_KEY"\nhttp_headers = { "x-mcp-servers" = "mcp_postgress,mcp_filesystem" }\n';
  expect(lines(lintClientText('codex', toml, options))).toEqual([
    '4: error: x-mcp-servers names "mcp_postgress", which content/gateway.yaml does not define — did you mean "mcp_postgres"? (it lists mcp_postgres, mcp_filesystem) [codex/unknown-server]',
  ]);
  const json = '{\n  "mcpServers": {\n    "litellm": {\n      "type": "http",\n      "url": "http://a/mcp/",\n      "headers": { "x-mcp-servers": "mcp_postgres,mcp_files" }\n    }\n  }\n}\n';
  expect(lines(lintClientText('claude-code', json, options))).toEqual([expect.stringMatching(/^6: error: x-mcp-servers names "mcp_files".*\[claude-code\/unknown-server\]$/)]);
});

test('http_header gets http_headers suggested; an unset bearer env var is a warning', () => {
  const toml = '[mcp_servers.litellm]\nurl = "http://a/mcp/"\nbearer_token_env_var = "PROOFBOOK_SURELY_UNSET_KEY"\nhttp_header = { "x-mcp-servers" = "mcp_postgres" }\n';
  expect(lines(lintClientText('codex', toml, options))).toEqual([
    '3: warning: mcp_servers.litellm: PROOFBOOK_SURELY_UNSET_KEY is not set in this shell; Codex sends no key without it (export it where Codex runs) [codex/unset-variable]',
    '4: warning: mcp_servers.litellm: Codex ignores unknown key `http_header` — did you mean `http_headers`? [codex/unknown-key]',
  ]);
});

test('a stdio command that is not on PATH is a warning; one that is passes', () => {
  const toml = '[mcp_servers.here]\ncommand = "sh"\n\n[mcp_servers.gone]\ncommand = "proofbook-no-such-command"\n';
  expect(lines(lintClientText('codex', toml, options))).toEqual([
    '5: warning: command "proofbook-no-such-command" is not on PATH here; the client cannot start this stdio server where the same is true [codex/command-not-found]',
  ]);
});

test('an unterminated string is called that, in TOML and in JSON, with nothing that follows from it', () => {
  const toml = '[mcp_servers.litellm]\nurl = "http://a/mcp/\nbearer_token_env_var = "LITELLM_API_KEY"\n';
  expect(lines(lintClientText('codex', toml, options))).toEqual(['2: error: TOML syntax error: unterminated string (a closing " is missing on this line) [codex/toml-syntax]']);
  const json = '{\n  "mcpServers": {\n    "litellm": { "url": "http://a/mcp/ }\n  }\n}\n';
  expect(lines(lintClientText('cursor', json, options))).toEqual(['3: error: JSON syntax error: unterminated string (a closing " is missing on this line) [cursor/json-syntax]']);
});
