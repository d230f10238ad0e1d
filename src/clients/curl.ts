/**
 * curl: the raw Streamable HTTP exchange (mcp-clients.md §6), for when a client fails and you want
 * to see the gateway's answer yourself. Both Accept types are required by the spec.
 */
import { requestFromCommand } from './command-request.ts';
import { keyPlaceholder, serversHeader } from './context.ts';
import type { ClientContext, ClientGenerator, ClientRequest, SecretSource } from './types.ts';

const INITIALIZE = '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"curl","version":"0"}}}';
const TOOLS_LIST = '{"jsonrpc":"2.0","id":2,"method":"tools/list","params":{}}';

/** One POST of `body` to the MCP endpoint, for bash/zsh or PowerShell (`curl.exe`, not the alias). */
export function curlCommand(context: ClientContext, os: 'unix' | 'windows', body: string): string {
  if (os === 'unix') {
    return [
      `curl -sS -X POST ${context.mcpUrl} \\`,
      `  -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' \\`,
      `  -H "Authorization: Bearer $${context.keyEnv}" \\`,
      `  -H 'x-mcp-servers: ${serversHeader(context)}' \\`,
      `  -d '${body}'`,
      '',
    ].join('\n');
  }
  const psBody = body.replace(/"/g, '\\"');
  return [
    `curl.exe -sS -X POST ${context.mcpUrl} \``,
    `  -H "Content-Type: application/json" -H "Accept: application/json, text/event-stream" \``,
    `  -H "Authorization: Bearer $env:${context.keyEnv}" \``,
    `  -H "x-mcp-servers: ${serversHeader(context)}" \``,
    `  -d '${psBody}'`,
    '',
  ].join('\n');
}

/** What curl sends for a bash command line. */
export const resolveCurlRequest = (text: string, secrets: SecretSource): ClientRequest => requestFromCommand(text, secrets, ['-H', '--header']);

export const curl = {
  title: 'curl',
  checkId: 'clients.curl',
  generate: (context: ClientContext) => {
    const primary = { id: 'initialize-unix', title: 'initialize (bash/zsh)', lang: 'bash', os: 'unix', code: curlCommand(context, 'unix', INITIALIZE) } as const;
    const snippets = [
      primary,
      { id: 'tools-unix', title: 'tools/list (bash/zsh)', lang: 'bash', os: 'unix', code: curlCommand(context, 'unix', TOOLS_LIST) },
      { id: 'initialize-windows', title: 'initialize (PowerShell)', lang: 'powershell', os: 'windows', code: curlCommand(context, 'windows', INITIALIZE) },
      { id: 'tools-windows', title: 'tools/list (PowerShell)', lang: 'powershell', os: 'windows', code: curlCommand(context, 'windows', TOOLS_LIST) },
    ] as const;
    const sends = resolveCurlRequest(primary.code, { env: { [context.keyEnv]: keyPlaceholder(context.keyEnv) } });
    return { client: 'curl', environment: context.environment, primary, snippets: [...snippets], steps: [], sends };
  },
  resolve: resolveCurlRequest,
} satisfies ClientGenerator;
