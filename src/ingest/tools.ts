import type { McpObservation, ObservedTool } from '../schemas/observation.ts';
import { schemaDigest, serverOfTool } from '../util/tool-identity.ts';

/** LiteLLM names a tool `<server>-<tool>`; a catalog where every name has such a prefix is read that way. */
const PREFIXED = /^([A-Za-z0-9_]+)-./;

/**
 * A `tools/list` result's `tools`, as the probe keeps them: name, server, schema digest. The server comes from the
 * servers known to be in scope (`x-mcp-servers`, server_outcomes), as for the probe; without any, from the prefix
 * when every name carries one (a catalog of unprefixed names, e.g. a single MCP server's, is not split).
 */
export function observedTools(tools: readonly unknown[], known: readonly string[]): ObservedTool[] {
  const named = tools.filter((t): t is { name: string; inputSchema?: unknown } => Boolean(t) && typeof (t as { name?: unknown }).name === 'string');
  const prefixed = known.length === 0 && named.length > 0 && named.every((t) => PREFIXED.test(t.name));
  return named.map(({ name, inputSchema }) => {
    const server = known.length ? serverOfTool(name, known) : prefixed ? PREFIXED.exec(name)?.[1] : undefined;
    return { name, ...(server ? { server } : {}), schemaDigest: schemaDigest(inputSchema) };
  });
}

/** Reads `_meta["litellm.ai/server_outcomes"]` (snake_case `tool_count`) as the probe does; undefined when absent. */
export function readServerOutcomes(result: unknown): McpObservation['serverOutcomes'] {
  const meta = (result as { _meta?: Record<string, unknown> } | undefined)?._meta;
  const outcomes = meta?.['litellm.ai/server_outcomes'];
  if (!outcomes || typeof outcomes !== 'object') return undefined;
  const out: NonNullable<McpObservation['serverOutcomes']> = {};
  for (const [server, value] of Object.entries(outcomes as Record<string, { status?: unknown; tool_count?: unknown }>)) {
    out[server] = { status: String(value?.status ?? 'unknown'), ...(typeof value?.tool_count === 'number' ? { toolCount: value.tool_count } : {}) };
  }
  return out;
}
