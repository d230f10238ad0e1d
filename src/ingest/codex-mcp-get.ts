import { judgeCodexServers, type CodexServer } from './codex-servers.ts';
import { unparseable, type ParseOutcome } from './finding.ts';
import { splitLines } from './lines.ts';

const dash = (value: string | undefined): string | undefined => (value && value !== '-' ? value : undefined);

/** Header names from `http_headers: x-mcp-servers=*****, other=*****` or `env_http_headers: Authorization=VAR`. */
function headerNames(value: string | undefined): string[] {
  return (dash(value) ?? '').split(/,\s*/).map((pair) => pair.split('=')[0].trim()).filter(Boolean);
}

/**
 * Parses `codex mcp get <name>` text: the name line (`<name> (disabled)` when disabled), then
 * two-space-indented `key: value` lines ending with `remove: codex mcp remove <name>`.
 */
export function parseCodexMcpGet(text: string): ParseOutcome {
  const split = splitLines(text);
  if ('unparseable' in split) return split;
  const { lines } = split;
  const start = lines.findIndex((l) => /^[A-Za-z0-9_-]+( \(disabled\))?\s*$/.test(l));
  if (start < 0) return unparseable('no server name line (`<name>` or `<name> (disabled)`) found', 1);
  const fields: Record<string, string> = {};
  let i = start + 1;
  for (; i < lines.length && lines[i].startsWith('  '); i++) {
    const match = /^ {2}([a-z_]+): ?(.*)$/.exec(lines[i]);
    if (!match) return unparseable(`expected "  key: value", got "${lines[i].trim().slice(0, 80)}"`, i + 1);
    fields[match[1]] = match[2].trim();
  }
  const disabled = lines[start].includes('(disabled)');
  const name = lines[start].replace(/ \(disabled\)\s*$/, '').trim();
  if (!disabled && !('transport' in fields)) return unparseable('no `transport:` line; the capture looks truncated', i);
  const transport = fields.transport === 'stdio' ? 'stdio' : 'http';
  const bearerEnvVar = dash(fields.bearer_token_env_var);
  const headers = [...headerNames(fields.http_headers), ...headerNames(fields.env_http_headers)];
  const server: CodexServer = {
    name,
    transport: disabled && !fields.transport ? 'http' : transport,
    enabled: !disabled && fields.enabled !== 'false',
    url: dash(fields.url),
    bearerEnvVar,
    hasBearer: Boolean(bearerEnvVar) || headers.some((h) => h.toLowerCase() === 'authorization'),
    ...(transport === 'http' && !disabled ? { headerNames: headers } : {}),
    line: start + 1,
  };
  return { findings: [judgeCodexServers([server], 'codex mcp get', start + 1)] };
}
