import { z } from 'astro/zod';
import { formatPath } from '../schemas/parse.ts';
import { judgeCodexServers, type CodexServer } from './codex-servers.ts';
import { unparseable, type ParseOutcome } from './finding.ts';
import { lineOf, parseJson } from './lines.ts';

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

function toServer(entry: CodexJsonServer, text: string): CodexServer {
  const line = lineOf(text, `"name": ${JSON.stringify(entry.name)}`) ?? lineOf(text, JSON.stringify(entry.name));
  if (entry.transport.type === 'stdio') return { name: entry.name, transport: 'stdio', enabled: entry.enabled, hasBearer: false, line };
  const t = entry.transport;
  const headerNames = [...Object.keys(t.http_headers ?? {}), ...Object.keys(t.env_http_headers ?? {})];
  const envAuth = Object.keys(t.env_http_headers ?? {}).some((h) => h.toLowerCase() === 'authorization');
  return {
    name: entry.name,
    transport: 'http',
    enabled: entry.enabled,
    url: t.url,
    bearerEnvVar: t.bearer_token_env_var ?? undefined,
    hasBearer: Boolean(t.bearer_token_env_var) || envAuth || entry.auth_status === 'bearer_token',
    headerNames,
    line,
  };
}

function parseEntries(text: string, schema: z.ZodType, what: string): { entries: CodexJsonServer[] } | ParseOutcome {
  const json = parseJson(text.trim());
  if ('unparseable' in json) return json;
  const result = schema.safeParse(json.value);
  if (!result.success) {
    const issue = result.error.issues[0];
    return unparseable(`not ${what}: ${formatPath(issue.path) || '(root)'}: ${issue.message}`, 1);
  }
  const data = result.data as CodexJsonServer | CodexJsonServer[];
  return { entries: Array.isArray(data) ? data : [data] };
}

/** Parses `codex mcp list --json` (a JSON array of servers). */
export function parseCodexMcpListJson(text: string): ParseOutcome {
  const parsed = parseEntries(text, z.array(CodexJsonServerSchema), '`codex mcp list --json` output');
  if (!('entries' in parsed)) return parsed;
  return { findings: [judgeCodexServers(parsed.entries.map((e) => toServer(e, text)), 'codex mcp list --json', 1)] };
}

/** Parses `codex mcp get <name> --json` (one server object). */
export function parseCodexMcpGetJson(text: string): ParseOutcome {
  const parsed = parseEntries(text, CodexJsonServerSchema, '`codex mcp get --json` output');
  if (!('entries' in parsed)) return parsed;
  return { findings: [judgeCodexServers(parsed.entries.map((e) => toServer(e, text)), 'codex mcp get --json', 1)] };
}
