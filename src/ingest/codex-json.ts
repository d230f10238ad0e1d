import { z } from 'astro/zod';
import type { CodexServer } from '../schemas/codex-run.ts';
import { formatPath } from '../schemas/parse.ts';
import { lineOf, parseJson } from './lines.ts';
import type { Unparseable } from './unparseable.ts';

/** One entry of `codex mcp list --json` / the object of `codex mcp get --json` (codex-rs/cli mcp_cmd.rs). */
const CodexJsonServerSchema = z.object({
  name: z.string(),
  enabled: z.boolean(),
  disabled_reason: z.string().nullish(),
  transport: z.discriminatedUnion('type', [
    z.object({ type: z.literal('stdio'), command: z.string() }),
    z.object({
      type: z.literal('streamable_http'),
      url: z.string(),
      bearer_token_env_var: z.string().nullish(),
      http_headers: z.record(z.string(), z.string()).nullish(),
      env_http_headers: z.record(z.string(), z.string()).nullish(),
    }),
  ]),
  auth_status: z.string().nullish(),
});
type CodexJsonServer = z.output<typeof CodexJsonServerSchema>;

function toServer(entry: CodexJsonServer): CodexServer {
  const auth = entry.auth_status ? { auth: entry.auth_status } : {};
  if (entry.transport.type === 'stdio') return { name: entry.name, transport: 'stdio', enabled: entry.enabled, command: entry.transport.command, ...auth };
  const t = entry.transport;
  return {
    name: entry.name,
    transport: 'streamable_http',
    enabled: entry.enabled,
    url: t.url,
    ...(t.bearer_token_env_var ? { bearerTokenEnvVar: t.bearer_token_env_var } : {}),
    ...auth,
    headers: { ...(t.http_headers ?? {}), ...(t.env_http_headers ?? {}) },
  };
}

/** Reads `codex mcp list --json` (an array of servers) or `codex mcp get --json` (one server object). */
export function readCodexJson(text: string, shape: 'list' | 'get'): { servers: CodexServer[]; line: number } | { unparseable: Unparseable } {
  const json = parseJson(text.trim());
  if ('unparseable' in json) return json;
  const schema = shape === 'list' ? z.array(CodexJsonServerSchema) : CodexJsonServerSchema;
  const result = schema.safeParse(json.value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    return { unparseable: { reason: `not \`codex mcp ${shape} --json\` output: ${formatPath(issue.path) || '(root)'}: ${issue.message}`, line: 1 } };
  }
  const entries = Array.isArray(result.data) ? result.data : [result.data];
  const first = entries[0];
  return { servers: entries.map(toServer), line: (first && lineOf(text, `"name": ${JSON.stringify(first.name)}`)) ?? 1 };
}
