/**
 * Claude Desktop through `mcp-remote` (mcp-clients.md §4.1): the config file starts only stdio
 * servers, and custom connectors cannot send static headers, so the shim carries the headers.
 */
import { fillPlaceholders, keyPlaceholder, serversHeader } from './context.ts';
import { firstServerEntry } from './json-request.ts';
import { isObject } from './lint/json.ts';
import { lintClaudeDesktopConfig } from './lint/claude-desktop.ts';
import { ClientConfigError, type ClientContext, type ClientGenerator, type ClientRequest, type SecretSource } from './types.ts';

/** Env var the shim reads the whole Authorization value from (no space inside `args`, for Windows). */
const AUTH_VAR = 'AUTH_HEADER';

/** The `claude_desktop_config.json` document for one environment. */
export function claudeDesktopConfigJson(context: ClientContext): string {
  const args = ['-y', 'mcp-remote', context.mcpUrl, '--transport', 'http-only', '--header', `Authorization:\${${AUTH_VAR}}`, '--header', `x-mcp-servers:${serversHeader(context)}`];
  if (context.mcpUrl.startsWith('http://')) args.push('--allow-http');
  const doc = { mcpServers: { [context.serverName]: { command: 'npx', args, env: { [AUTH_VAR]: `Bearer ${keyPlaceholder(context.keyEnv)}` } } } };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** What mcp-remote sends: `--header Name:value` with `${VAR}` taken from the entry's `env` (after the user pasted the key). */
export function resolveClaudeDesktopRequest(text: string, secrets: SecretSource): ClientRequest {
  const { name, entry } = firstServerEntry(text, 'mcpServers', false);
  if ('url' in entry) throw new ClientConfigError(`mcpServers.${name}.url is ignored by Claude Desktop`);
  const args = Array.isArray(entry.args) ? entry.args.map(String) : [];
  if (!args.some((arg) => /(^|\/)mcp-remote(@[^/]*)?$/.test(arg))) throw new ClientConfigError(`mcpServers.${name} does not run mcp-remote`);
  const env = Object.fromEntries(Object.entries(isObject(entry.env) ? entry.env : {}).map(([k, v]) => [k, fillPlaceholders(String(v), secrets)]));
  const url = args.find((arg) => /^https?:\/\//.test(arg));
  if (url === undefined) throw new ClientConfigError('mcp-remote has no URL argument');
  const headers: Record<string, string> = {};
  args.forEach((arg, index) => {
    if (args[index - 1] !== '--header') return;
    const colon = arg.indexOf(':');
    if (colon < 1) throw new ClientConfigError(`mcp-remote rejects --header "${arg}"`);
    headers[arg.slice(0, colon).trim()] = arg.slice(colon + 1).trim().replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_w, ref: string) => env[ref] ?? '');
  });
  return { url, headers };
}

export const claudeDesktop = {
  title: 'Claude Desktop',
  checkId: 'clients.claude-desktop',
  generate: (context) => {
    const primary = { id: 'config', title: 'claude_desktop_config.json', lang: 'json', os: 'any', code: claudeDesktopConfigJson(context) } as const;
    const steps = [
      'Open Claude Desktop → Settings → Developer → Edit Config (macOS: ~/Library/Application Support/Claude/claude_desktop_config.json; Windows: %APPDATA%\\Claude\\claude_desktop_config.json).',
      `Merge the "mcpServers" entry below into the file and replace ${keyPlaceholder(context.keyEnv)} with your key (this file has no env-var syntax).`,
      'Quit Claude Desktop completely and start it again; the server appears under the tools icon.',
    ];
    const sends = resolveClaudeDesktopRequest(primary.code, { env: {} });
    return { client: 'claude-desktop', environment: context.environment, primary, snippets: [primary], steps, sends };
  },
  resolve: resolveClaudeDesktopRequest,
  lint: lintClaudeDesktopConfig,
} satisfies ClientGenerator;
