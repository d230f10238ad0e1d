/**
 * Claude Code: project `.mcp.json` and the equivalent `claude mcp add` command (mcp-clients.md §4.2).
 * Claude Code expands `${VAR}` and `${VAR:-default}` when it loads the file.
 */
import { keyPlaceholder, serversHeader } from './context.ts';
import { firstServerEntry, requestFromEntry } from './json-request.ts';
import { lintClaudeCodeConfig } from './lint/mcp-servers.ts';
import { ClientConfigError, type ClientContext, type ClientGenerator, type ClientRequest, type SecretSource } from './types.ts';

/** The `.mcp.json` document for one environment. */
export function claudeCodeMcpJson(context: ClientContext): string {
  const doc = {
    mcpServers: {
      [context.serverName]: {
        type: 'http',
        url: context.mcpUrl,
        headers: { Authorization: `Bearer \${${context.keyEnv}}`, 'x-mcp-servers': serversHeader(context) },
      },
    },
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * The `claude mcp add` command. Headers go after the URL because `--header` is variadic and would
 * swallow the name and URL (github/github-mcp-server#1859); single quotes keep `${…}` literal so the
 * reference, not the key, is stored.
 */
export function claudeMcpAddCommand(context: ClientContext, os: 'unix' | 'windows'): string {
  const continuation = os === 'unix' ? ' \\' : ' `';
  return [
    `claude mcp add --transport http --scope user ${context.serverName} ${context.mcpUrl}${continuation}`,
    `  --header 'Authorization: Bearer \${${context.keyEnv}}'${continuation}`,
    `  --header 'x-mcp-servers: ${serversHeader(context)}'`,
    `claude mcp get ${context.serverName}`,
    '',
  ].join('\n');
}

/** Expands `${VAR}` / `${VAR:-default}` as Claude Code does; an unset variable without default is a load error. */
export function expandClaudeCodeVariables(value: string, secrets: SecretSource): string {
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g, (_whole, name: string, fallback: string | undefined) => {
    const found = secrets.env[name];
    if (found !== undefined) return found;
    if (fallback !== undefined) return fallback;
    throw new ClientConfigError(`Missing environment variables: ${name} (Claude Code does not load the server)`);
  });
}

/** What Claude Code sends for a `.mcp.json`. */
export function resolveClaudeCodeRequest(text: string, secrets: SecretSource): ClientRequest {
  const { name, entry } = firstServerEntry(text, 'mcpServers', false);
  if (entry.type !== 'http' && entry.type !== 'sse') throw new ClientConfigError(`mcpServers.${name} has no "type": "http"; Claude Code treats it as stdio`);
  return requestFromEntry(name, entry, (value) => expandClaudeCodeVariables(value, secrets));
}

export const claudeCode = {
  title: 'Claude Code',
  checkId: 'clients.claude-code',
  generate: (context) => {
    const primary = { id: 'mcp-json', title: '.mcp.json (project root)', lang: 'json', os: 'any', code: claudeCodeMcpJson(context) } as const;
    const snippets = [
      primary,
      { id: 'add-unix', title: 'claude mcp add (bash/zsh)', lang: 'bash', os: 'unix', code: claudeMcpAddCommand(context, 'unix') },
      { id: 'add-windows', title: 'claude mcp add (PowerShell)', lang: 'powershell', os: 'windows', code: claudeMcpAddCommand(context, 'windows') },
    ] as const;
    const sends = resolveClaudeCodeRequest(primary.code, { env: { [context.keyEnv]: keyPlaceholder(context.keyEnv) } });
    return { client: 'claude-code', environment: context.environment, primary, snippets: [...snippets], steps: [], sends };
  },
  resolve: resolveClaudeCodeRequest,
  lint: lintClaudeCodeConfig,
} satisfies ClientGenerator;
