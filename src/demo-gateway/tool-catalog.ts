/**
 * Pure helpers for the aggregated tool catalog: LiteLLM's `<server>-<tool>` names (separator `-`,
 * reference §2 `MCP_TOOL_PREFIX_SEPARATOR`) and opaque offset cursors for `tools/list` paging.
 */

/** LiteLLM's default prefix separator. */
export const TOOL_PREFIX_SEPARATOR = '-';

/** `mcp_filesystem` + `read_file` → `mcp_filesystem-read_file`. */
export function prefixToolName(server: string, tool: string): string {
  return `${server}${TOOL_PREFIX_SEPARATOR}${tool}`;
}

/** Splits a prefixed name; the longest matching server name wins. Null when no server matches. */
export function splitToolName(name: string, servers: readonly string[]): { server: string; tool: string } | null {
  const matches = servers
    .filter((server) => name.startsWith(server + TOOL_PREFIX_SEPARATOR))
    .sort((a, b) => b.length - a.length);
  const server = matches[0];
  if (server === undefined) return null;
  const tool = name.slice(server.length + TOOL_PREFIX_SEPARATOR.length);
  return tool.length > 0 ? { server, tool } : null;
}

/** Encodes a page offset as an opaque cursor. */
export function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ offset }), 'utf8').toString('base64url');
}

/** Decodes a cursor from `encodeCursor`; throws a message fit for a JSON-RPC InvalidParams error. */
export function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && 'offset' in parsed) {
      const offset = parsed.offset;
      if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0) return offset;
    }
  } catch (error) {
    throw new Error(`Invalid cursor: pass back the nextCursor of the previous tools/list page (${String(error)})`);
  }
  throw new Error('Invalid cursor: pass back the nextCursor of the previous tools/list page');
}

/** One page of `items` starting at `cursor`, with `nextCursor` when more remain. */
export function pageOf<T>(items: readonly T[], cursor: string | undefined, pageSize: number): { items: T[]; nextCursor?: string } {
  const offset = decodeCursor(cursor);
  const end = offset + pageSize;
  const page = items.slice(offset, end);
  return end < items.length ? { items: page, nextCursor: encodeCursor(end) } : { items: page };
}
