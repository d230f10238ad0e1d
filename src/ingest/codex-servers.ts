import type { ConditionResult } from '../schemas/evidence.ts';
import type { Finding } from './finding.ts';

/** One MCP server as any `codex mcp` output shows it, whatever the layout. */
export interface CodexServer {
  name: string;
  transport: 'stdio' | 'http';
  enabled: boolean;
  url?: string;
  /** NAME of the env var holding the bearer token (never its value). */
  bearerEnvVar?: string;
  /** True when the output says a bearer token is configured (old `Has Bearer Token`, `Auth: Bearer token`). */
  hasBearer: boolean;
  /** Header names from `http_headers` / `env_http_headers`, when the output lists them. */
  headerNames?: string[];
  /** 1-based line the server appears on. */
  line?: number;
}

/**
 * Judges a Codex configuration for `clients.codex-cli`: at least one enabled streamable-HTTP server
 * with a bearer token, and `x-mcp-servers` set wherever the output shows headers.
 */
export function judgeCodexServers(servers: CodexServer[], source: string, line?: number): Finding {
  const http = servers.filter((s) => s.transport === 'http');
  // Disabled entries are listed in the summary but not judged: Codex ignores them too.
  const enabled = http.filter((s) => s.enabled);
  const conditions: ConditionResult[] = [
    { condition: 'an enabled HTTP MCP server is configured', ok: enabled.length > 0, actual: String(enabled.length) },
  ];
  for (const s of enabled) {
    conditions.push({ condition: `${s.name}: bearer token configured`, ok: s.hasBearer, actual: s.bearerEnvVar ?? String(s.hasBearer) });
    if (s.headerNames) {
      const ok = s.headerNames.some((h) => h.toLowerCase() === 'x-mcp-servers');
      conditions.push({ condition: `${s.name}: x-mcp-servers header set`, ok, actual: s.headerNames.join(',') || '-' });
    }
  }
  const ok = conditions.every((c) => c.ok);
  const names = http.map((s) => `${s.name}${s.enabled ? '' : ' (disabled)'}${s.url ? ` → ${s.url}` : ''}`).join('; ');
  return {
    verdict: ok ? 'pass' : 'fail',
    failureClass: ok ? null : 'expectation',
    summary: `${source}: ${servers.length} server${servers.length === 1 ? '' : 's'} configured, ${http.length} HTTP${names ? ` (${names})` : ''}`,
    conditions,
    line: enabled[0]?.line ?? http[0]?.line ?? line,
    measured: {
      extra: {
        servers: servers.length,
        httpServers: http.length,
        stdioServers: servers.length - http.length,
        ...(enabled[0]?.url ? { url: enabled[0].url } : {}),
        ...(enabled[0]?.bearerEnvVar ? { bearerTokenEnvVar: enabled[0].bearerEnvVar } : {}),
      },
    },
  };
}
