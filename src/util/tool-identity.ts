import { createHash } from 'node:crypto';

/**
 * How a listed tool is identified in evidence, the same for a probe and an imported capture (so a catalog read by
 * curl and one read by the probe digest alike): a short digest of its input schema with keys sorted, and the server
 * its `<server>-<tool>` name belongs to.
 */

/** Short digest of a tool's input schema with keys sorted, so a reordered schema is not a "changed" tool. */
export function schemaDigest(schema: unknown): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, canonical(v)]))
        : value;
  return createHash('sha256').update(JSON.stringify(canonical(schema ?? null))).digest('hex').slice(0, 16);
}

/** The server a `<server>-<tool>` name belongs to, from the known servers (longest prefix wins). */
export function serverOfTool(name: string, servers: readonly string[]): string | undefined {
  return [...servers].sort((a, b) => b.length - a.length).find((server) => name.startsWith(`${server}-`));
}
