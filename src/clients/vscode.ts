/**
 * VS Code `mcp.json` (mcp-clients.md §3): the key is an `inputs` entry VS Code prompts for once and
 * keeps in its secret storage, referenced as `${input:<id>}`.
 */
import { keyPlaceholder, serversHeader } from './context.ts';
import { firstServerEntry, requestFromEntry } from './json-request.ts';
import { isObject } from './lint/json.ts';
import { lintVscodeConfig } from './lint/vscode.ts';
import { ClientConfigError, type ClientContext, type ClientGenerator, type ClientRequest, type SecretSource } from './types.ts';

/** The input id the generated file uses for the key. */
export const vscodeInputId = (context: ClientContext): string => `${context.serverName}-key`;

/** The `mcp.json` document for one environment. */
export function vscodeMcpJson(context: ClientContext): string {
  const inputId = vscodeInputId(context);
  const doc = {
    inputs: [{ type: 'promptString', id: inputId, description: `LiteLLM API key (the value you keep in ${context.keyEnv})`, password: true }],
    servers: {
      [context.serverName]: {
        type: 'http',
        url: context.mcpUrl,
        headers: { Authorization: `Bearer \${input:${inputId}}`, 'x-mcp-servers': serversHeader(context) },
      },
    },
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** What VS Code sends: `${input:…}` is what the user typed, `${env:…}` the env value, bare `${VAR}` literally. */
export function resolveVscodeRequest(text: string, secrets: SecretSource): ClientRequest {
  const { name, entry, root } = firstServerEntry(text, 'servers', true);
  const inputs = new Map((Array.isArray(root.inputs) ? root.inputs : []).filter(isObject).map((input) => [String(input.id), String(input.description ?? '')]));
  return requestFromEntry(name, entry, (value) =>
    value.replace(/\$\{(input|env):([^}]*)\}/g, (_whole, kind: string, id: string) => {
      if (kind === 'env') return secrets.env[id] ?? '';
      const description = inputs.get(id);
      if (description === undefined) throw new ClientConfigError(`VS Code cannot resolve \${input:${id}}: no such input`);
      const answer = secrets.answerInput?.(id, description);
      if (answer === undefined) throw new ClientConfigError(`no answer for the prompt "${description}"`);
      return answer;
    }),
  );
}

export const vscode = {
  title: 'VS Code',
  checkId: 'clients.vscode',
  generate: (context) => {
    const primary = { id: 'mcp-json', title: '.vscode/mcp.json', lang: 'jsonc', os: 'any', code: vscodeMcpJson(context) } as const;
    const sends = resolveVscodeRequest(primary.code, { env: {}, answerInput: () => keyPlaceholder(context.keyEnv) });
    return { client: 'vscode', environment: context.environment, primary, snippets: [primary], steps: [], sends };
  },
  resolve: resolveVscodeRequest,
  lint: lintVscodeConfig,
} satisfies ClientGenerator;
