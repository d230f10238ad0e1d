import { createHash } from 'node:crypto';
import type { Measured } from '../schemas/evidence.ts';

/** Stable JSON (sorted keys), so the same schema digests the same whichever client printed it. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Short digest of a tool's input schema, to see a tool change between captures. */
export function digestSchema(schema: unknown): string {
  return createHash('sha256').update(canonical(schema ?? null)).digest('hex').slice(0, 12);
}

/** Turns a `tools/list` result's `tools` array into the measured tool summary (`<server>-<tool>` prefixes). */
export function summariseTools(tools: unknown): Pick<Measured, 'tools' | 'toolsByServer'> {
  if (!Array.isArray(tools)) return { tools: [], toolsByServer: {} };
  const summary: NonNullable<Measured['tools']> = [];
  const byServer: Record<string, number> = {};
  for (const tool of tools) {
    if (!tool || typeof tool !== 'object' || typeof (tool as { name?: unknown }).name !== 'string') continue;
    const { name, inputSchema } = tool as { name: string; inputSchema?: unknown };
    const dash = name.indexOf('-');
    const server = dash > 0 ? name.slice(0, dash) : undefined;
    if (server) byServer[server] = (byServer[server] ?? 0) + 1;
    summary.push({ name, ...(server ? { server } : {}), schemaDigest: digestSchema(inputSchema) });
  }
  return { tools: summary, toolsByServer: byServer };
}

/** Reads `_meta["litellm.ai/server_outcomes"]` (snake_case `tool_count`) into the measured shape. */
export function readServerOutcomes(result: unknown): Measured['serverOutcomes'] {
  const meta = (result as { _meta?: Record<string, unknown> } | undefined)?._meta;
  const outcomes = meta?.['litellm.ai/server_outcomes'];
  if (!outcomes || typeof outcomes !== 'object') return undefined;
  const out: NonNullable<Measured['serverOutcomes']> = {};
  for (const [server, value] of Object.entries(outcomes as Record<string, { status?: unknown; tool_count?: unknown }>)) {
    out[server] = {
      status: String(value?.status ?? 'unknown'),
      ...(typeof value?.tool_count === 'number' ? { toolCount: value.tool_count } : {}),
    };
  }
  return out;
}
