/**
 * MCP Inspector CLI commands (mcp-clients.md §5). Our URL ends in `/mcp/`, which the Inspector
 * would auto-detect as SSE, so `--transport http` is always given; the URL comes before the
 * variadic `--header` options so it cannot be swallowed as a header.
 */
import { requestFromCommand } from './command-request.ts';
import { keyPlaceholder, serversHeader } from './context.ts';
import type { ClientContext, ClientGenerator, ClientRequest, SecretSource } from './types.ts';

/** The package spec the commands pin: the CLI flags below are those of Inspector v2. */
export const INSPECTOR_PACKAGE = '@modelcontextprotocol/inspector@2';

/** `tools/list` through the Inspector CLI, for bash/zsh or PowerShell. */
export function inspectorCommand(context: ClientContext, os: 'unix' | 'windows', method = 'tools/list'): string {
  const key = os === 'unix' ? `$${context.keyEnv}` : `$env:${context.keyEnv}`;
  const next = os === 'unix' ? ' \\' : ' `';
  return [
    `npx -y ${INSPECTOR_PACKAGE} --cli ${context.mcpUrl}${next}`,
    `  --transport http --method ${method}${next}`,
    `  --header "Authorization: Bearer ${key}"${next}`,
    `  --header "x-mcp-servers: ${serversHeader(context)}"`,
    '',
  ].join('\n');
}

/** What the Inspector sends for a bash command line. */
export const resolveInspectorRequest = (text: string, secrets: SecretSource): ClientRequest => requestFromCommand(text, secrets, ['--header']);

export const inspector = {
  title: 'MCP Inspector',
  checkId: 'clients.inspector',
  generate: (context: ClientContext) => {
    const primary = { id: 'tools-unix', title: 'tools/list (bash/zsh)', lang: 'bash', os: 'unix', code: inspectorCommand(context, 'unix') } as const;
    const snippets = [
      primary,
      { id: 'tools-windows', title: 'tools/list (PowerShell)', lang: 'powershell', os: 'windows', code: inspectorCommand(context, 'windows') },
      { id: 'ui', title: 'Web UI', lang: 'bash', os: 'any', code: `npx -y ${INSPECTOR_PACKAGE}\n` },
    ] as const;
    const sends = resolveInspectorRequest(primary.code, { env: { [context.keyEnv]: keyPlaceholder(context.keyEnv) } });
    return { client: 'inspector', environment: context.environment, primary, snippets: [...snippets], steps: [], sends };
  },
  resolve: resolveInspectorRequest,
} satisfies ClientGenerator;
