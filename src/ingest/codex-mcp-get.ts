import type { CodexServer } from '../schemas/codex-run.ts';
import type { Unparseable } from './unparseable.ts';

const dash = (value: string | undefined): string | undefined => (value && value !== '-' ? value : undefined);

/** Headers from `http_headers: x-mcp-servers=*****, other=*****` or `env_http_headers: Authorization=VAR`. */
function headersOf(...values: (string | undefined)[]): Record<string, string> {
  const pairs = values.flatMap((value) => (dash(value) ?? '').split(/,\s*/)).filter(Boolean);
  return Object.fromEntries(pairs.map((pair) => [pair.split('=')[0]!.trim(), pair.split('=').slice(1).join('=').trim()]));
}

/**
 * Reads `codex mcp get <name>` text: the name line (`<name> (disabled)` when disabled), then two-space-indented
 * `key: value` lines ending with `remove: codex mcp remove <name>`.
 */
export function readCodexMcpGet(lines: readonly string[]): { servers: CodexServer[]; line: number } | { unparseable: Unparseable } {
  const start = lines.findIndex((l) => /^[A-Za-z0-9_-]+( \(disabled\))?\s*$/.test(l));
  if (start < 0) return { unparseable: { reason: 'no server name line (`<name>` or `<name> (disabled)`) found', line: 1 } };
  const fields: Record<string, string> = {};
  let i = start + 1;
  for (; i < lines.length && lines[i]!.startsWith('  '); i++) {
    const match = /^ {2}([a-z_]+): ?(.*)$/.exec(lines[i]!);
    if (!match) return { unparseable: { reason: `expected "  key: value", got "${lines[i]!.trim().slice(0, 80)}"`, line: i + 1 } };
    fields[match[1]!] = match[2]!.trim();
  }
  const disabled = lines[start]!.includes('(disabled)');
  const name = lines[start]!.replace(/ \(disabled\)\s*$/, '').trim();
  // Codex prints only the name line for a disabled server.
  if (!disabled && !('transport' in fields)) return { unparseable: { reason: 'no `transport:` line; the capture looks truncated', line: i } };
  const transport = fields.transport === 'stdio' ? 'stdio' : 'streamable_http';
  const bearerTokenEnvVar = dash(fields.bearer_token_env_var);
  const server: CodexServer = {
    name,
    transport,
    enabled: !disabled && fields.enabled !== 'false',
    ...(dash(fields.url) ? { url: fields.url } : {}),
    ...(dash(fields.command) ? { command: fields.command } : {}),
    ...(bearerTokenEnvVar ? { bearerTokenEnvVar } : {}),
    ...(transport === 'streamable_http' && !disabled ? { headers: headersOf(fields.http_headers, fields.env_http_headers) } : {}),
  };
  return { servers: [server], line: start + 1 };
}
