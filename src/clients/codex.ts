/**
 * Codex CLI: `config.toml` with `url`, `bearer_token_env_var` and `http_headers` (mcp-clients.md §1).
 * Codex has no variable syntax inside strings; the key travels only through `bearer_token_env_var`.
 */
import { serversHeader, keyPlaceholder } from './context.ts';
import { CODEX_REFUSES, lintCodexConfig, parseToml } from './lint/codex.ts';
import { ClientConfigError, type ClientContext, type ClientGenerator, type ClientRequest, type SecretSource } from './types.ts';

/** Renders a TOML basic string (JSON escapes are valid TOML escapes). */
const tomlString = (value: string): string => JSON.stringify(value);

/** The `config.toml` fragment for one environment. */
export function codexConfigToml(context: ClientContext): string {
  return [
    `# Codex reads this from $CODEX_HOME/config.toml (default ~/.codex/config.toml).`,
    `[mcp_servers.${context.serverName}]`,
    `url = ${tomlString(context.mcpUrl)}`,
    `# Codex reads the key from this env var and sends "Authorization: Bearer <key>".`,
    `bearer_token_env_var = ${tomlString(context.keyEnv)}`,
    `http_headers = { "x-mcp-servers" = ${tomlString(serversHeader(context))} }`,
    `startup_timeout_sec = 20`,
    `tool_timeout_sec = 60`,
    '',
  ].join('\n');
}

type Table = Record<string, unknown>;

/** What Codex sends for a config: refuses what Codex refuses, ignores what Codex ignores (`headers`). */
export function resolveCodexRequest(text: string, secrets: SecretSource): ClientRequest {
  const refused = lintCodexConfig(text).filter((problem) => CODEX_REFUSES.has(problem.rule));
  if (refused.length > 0) throw new ClientConfigError(`Codex refuses this config: ${refused.map((p) => `line ${p.line}: ${p.message}`).join('; ')}`);
  const parsed = parseToml(text);
  if ('problem' in parsed) throw new ClientConfigError(parsed.problem.message);
  const [name, server] = Object.entries((parsed.data.mcp_servers ?? {}) as Table)[0] ?? [];
  if (name === undefined || typeof server !== 'object' || server === null) throw new ClientConfigError('no MCP server in this config');
  const entry = server as Table;
  if (typeof entry.url !== 'string') throw new ClientConfigError(`mcp_servers.${name} is a stdio server; it sends no HTTP request`);
  const headers: Record<string, string> = {};
  if (typeof entry.bearer_token_env_var === 'string') {
    const value = secrets.env[entry.bearer_token_env_var];
    if (value === undefined) throw new ClientConfigError(`Environment variable ${entry.bearer_token_env_var} for MCP server '${name}' is not set`);
    headers.Authorization = `Bearer ${value}`;
  }
  for (const [header, value] of Object.entries((entry.http_headers ?? {}) as Table)) headers[header] = String(value);
  for (const [header, envName] of Object.entries((entry.env_http_headers ?? {}) as Table)) {
    const value = secrets.env[String(envName)];
    if (value !== undefined) headers[header] = value;
  }
  return { url: entry.url, headers };
}

export const codex = {
  title: 'Codex CLI',
  checkId: 'clients.codex',
  generate: (context) => {
    const primary = { id: 'config', title: '~/.codex/config.toml', lang: 'toml', os: 'any', code: codexConfigToml(context) } as const;
    const check = {
      id: 'check',
      title: 'Check what Codex read',
      lang: 'bash',
      os: 'any',
      code: `codex mcp list\ncodex mcp get ${context.serverName} --json\n`,
    } as const;
    const sends = resolveCodexRequest(primary.code, { env: { [context.keyEnv]: keyPlaceholder(context.keyEnv) } });
    return { client: 'codex', environment: context.environment, primary, snippets: [primary, check], steps: [], sends };
  },
  resolve: resolveCodexRequest,
  lint: lintCodexConfig,
} satisfies ClientGenerator;
