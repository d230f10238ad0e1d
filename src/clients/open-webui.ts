/**
 * Open WebUI (mcp-clients.md §2): native MCP since v0.6.31, Streamable HTTP only, admin-only. Set
 * up in the admin UI, or provisioned with a `TOOL_SERVER_CONNECTIONS` entry.
 */
import { fillPlaceholders, keyPlaceholder, serversHeader } from './context.ts';
import { isObject, parseJsonDoc } from './lint/json.ts';
import { lintOpenWebuiConnections } from './lint/open-webui.ts';
import { ClientConfigError, type ClientContext, type ClientGenerator, type ClientRequest, type SecretSource } from './types.ts';

/** The `TOOL_SERVER_CONNECTIONS` value for one environment. */
export function openWebuiConnections(context: ClientContext): string {
  const entry = {
    type: 'mcp',
    url: context.mcpUrl,
    auth_type: 'bearer',
    key: keyPlaceholder(context.keyEnv),
    headers: { 'x-mcp-servers': serversHeader(context) },
    config: { enable: true },
    info: { id: context.serverName, name: `LiteLLM MCP (${context.label})`, description: context.servers.join(' + ') },
  };
  return `${JSON.stringify([entry], null, 2)}\n`;
}

/** What Open WebUI sends: the auth header from `auth_type`/`key` first, then `headers` on top. */
export function resolveOpenWebuiRequest(text: string, secrets: SecretSource): ClientRequest {
  const doc = parseJsonDoc(text, 'open-webui', false);
  if (Array.isArray(doc)) throw new ClientConfigError(`Open WebUI cannot parse TOOL_SERVER_CONNECTIONS: ${doc[0]?.message}`);
  const entry = Array.isArray(doc.value) ? doc.value.find((e) => isObject(e) && e.type === 'mcp') : undefined;
  if (!isObject(entry) || typeof entry.url !== 'string') throw new ClientConfigError('no connection with "type": "mcp"');
  const headers: Record<string, string> = {};
  if (entry.auth_type === 'bearer') headers.Authorization = `Bearer ${fillPlaceholders(String(entry.key ?? ''), secrets)}`.trimEnd();
  if (isObject(entry.headers)) for (const [name, value] of Object.entries(entry.headers)) headers[name] = String(value);
  return { url: entry.url, headers };
}

export const openWebui = {
  title: 'Open WebUI',
  checkId: 'clients.open-webui',
  generate: (context) => {
    const primary = { id: 'connections', title: 'TOOL_SERVER_CONNECTIONS', lang: 'json', os: 'any', code: openWebuiConnections(context) } as const;
    const steps = [
      'Sign in as an admin (MCP servers are admin-only) and open Admin Panel → Settings → External Tools (Integrations in newer versions) → "+".',
      'Type: MCP (Streamable HTTP).',
      `Server URL: ${context.mcpUrl}`,
      `Auth: Bearer, Key: your key (the value you keep in ${context.keyEnv}). An empty key sends a bare "Authorization: Bearer", which the gateway rejects.`,
      `Custom headers: {"x-mcp-servers": "${serversHeader(context)}"}`,
      'Save, then enable the tools in a chat (tools appear as <id>_<server>-<tool>).',
    ];
    const sends = resolveOpenWebuiRequest(primary.code, { env: {} });
    return { client: 'open-webui', environment: context.environment, primary, snippets: [primary], steps, sends };
  },
  resolve: resolveOpenWebuiRequest,
  lint: lintOpenWebuiConnections,
} satisfies ClientGenerator;
