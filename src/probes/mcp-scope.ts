import type { McpScopeCheck } from '../schemas/depth-check.ts';
import type { McpScopeObservation } from '../schemas/observation.ts';
import { authHeaders, joinUrl, type ProbeContext } from './context.ts';
import { mcpListTools } from './mcp.ts';

/**
 * `kind: mcp-scope`: one MCP exchange (initialize → tools/list, every page) per `x-mcp-servers` value, one after the
 * other. Tools are attributed to the environment's servers by their `<server>-` prefix, so a header the gateway
 * misreads and widens shows every server it let through.
 */
export async function probeMcpScope(check: McpScopeCheck, ctx: ProbeContext): Promise<McpScopeObservation> {
  const t0 = ctx.now();
  const cases: McpScopeObservation['cases'] = [];
  for (const scopeCase of check.cases) {
    const exchange = await mcpListTools({
      url: joinUrl(ctx.baseUrl, check.path ?? ctx.environment.mcpPath),
      headers: { ...authHeaders(ctx, check.auth), 'x-mcp-servers': scopeCase.header },
      signal: ctx.signal,
      dispatcher: ctx.dispatcher,
      protocolVersion: check.protocolVersion,
      scopedServers: ctx.environment.servers,
      maxBodyBytes: ctx.maxBodyBytes,
      now: ctx.now,
      clientInfo: { name: 'proofbook-scope', version: '1' },
      ...(ctx.secrets ? { secrets: ctx.secrets } : {}),
    });
    for (const entry of exchange.transcript) entry.label = `${entry.label} (x-mcp-servers: ${scopeCase.header})`;
    cases.push({ header: scopeCase.header, exchange });
  }
  // A transport failure (not a refusal) decides the observation only when no case got an answer.
  const answered = cases.some((c) => c.exchange.status !== undefined);
  return {
    kind: 'mcp-scope',
    failure: answered ? null : (cases[0]?.exchange.failure ?? null),
    cases,
    latencyMs: ctx.now() - t0,
    transcript: cases.flatMap((c) => c.exchange.transcript),
  };
}
