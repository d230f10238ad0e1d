/** Cursor `mcp.json` (mcp-clients.md §4.3): `url` + `headers`, env references as `${env:NAME}`. */
import { keyPlaceholder, serversHeader } from './context.ts';
import { firstServerEntry, requestFromEntry } from './json-request.ts';
import { lintCursorConfig } from './lint/mcp-servers.ts';
import type { ClientContext, ClientGenerator, ClientRequest, SecretSource } from './types.ts';

/** The `mcp.json` document for one environment. */
export function cursorMcpJson(context: ClientContext): string {
  const doc = {
    mcpServers: {
      [context.serverName]: {
        url: context.mcpUrl,
        headers: { Authorization: `Bearer \${env:${context.keyEnv}}`, 'x-mcp-servers': serversHeader(context) },
      },
    },
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** What Cursor sends: `${env:NAME}` is the env value (empty when unset); every other `${…}` stays literal. */
export function resolveCursorRequest(text: string, secrets: SecretSource): ClientRequest {
  const { name, entry } = firstServerEntry(text, 'mcpServers', false);
  return requestFromEntry(name, entry, (value) => value.replace(/\$\{env:([^}]*)\}/g, (_whole, envName: string) => secrets.env[envName] ?? ''));
}

export const cursor = {
  title: 'Cursor',
  checkId: 'clients.cursor',
  generate: (context) => {
    const primary = { id: 'mcp-json', title: '~/.cursor/mcp.json', lang: 'json', os: 'any', code: cursorMcpJson(context) } as const;
    const sends = resolveCursorRequest(primary.code, { env: { [context.keyEnv]: keyPlaceholder(context.keyEnv) } });
    return { client: 'cursor', environment: context.environment, primary, snippets: [primary], steps: [], sends };
  },
  resolve: resolveCursorRequest,
  lint: lintCursorConfig,
} satisfies ClientGenerator;
