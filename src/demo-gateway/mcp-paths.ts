/**
 * Which MCP servers a request addresses, from its path and `x-mcp-servers` header. Mirrors
 * LiteLLM's rules (reference litellm-traefik.md §0, §1.1): `/mcp` and everything under it is one
 * catch-all whose first segment may name servers (no match is refused on tools/list, as LiteLLM 1.108 does), while
 * `/{name}/mcp` names servers strictly and answers 404 for an unknown one.
 */

/** How a path reached the MCP endpoint. */
export type McpRoute =
  | { kind: 'aggregate'; names: string[] }
  | { kind: 'servers'; names: string[] };

/**
 * The servers a request may use (with `denied` when the names it asked for match none: LiteLLM 1.108 then refuses
 * `tools/list` instead of falling back to every server), or the first unknown name of a strict per-server path.
 */
export type McpScope = { servers: string[]; denied?: string } | { unknownName: string };

/** Splits `a,b`, `{a,b}` or `%7Ba,b%7D` into trimmed non-empty names. */
export function parseServerNames(raw: string): string[] {
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // A malformed escape is kept literally; it will then simply match no server.
  }
  return decoded
    .replace(/^\{/, '')
    .replace(/\}$/, '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

/** Classifies a URL path as an MCP route, or returns null when the path is not one. */
export function matchMcpRoute(pathname: string): McpRoute | null {
  if (pathname === '/mcp' || pathname === '/mcp/') return { kind: 'aggregate', names: [] };
  if (pathname.startsWith('/mcp/')) {
    const first = pathname.slice('/mcp/'.length).split('/')[0] ?? '';
    return { kind: 'aggregate', names: parseServerNames(first) };
  }
  const perServer = /^\/([^/]+)\/mcp\/?$/.exec(pathname);
  if (perServer?.[1] !== undefined) {
    const names = parseServerNames(perServer[1]);
    if (names.length > 0) return { kind: 'servers', names };
  }
  return null;
}

/** Narrows `servers` to `wanted`; unknown names are ignored, and when none matches the request is denied. */
function narrow(servers: string[], wanted: string[]): { servers: string[]; denied?: string } {
  const matched = servers.filter((server) => wanted.includes(server));
  return matched.length > 0 ? { servers: matched } : { servers: [], denied: wanted.join(', ') };
}

/** Resolves the servers a request may use; `x-mcp-servers` only ever narrows. */
export function resolveMcpScope(
  route: McpRoute,
  knownServers: string[],
  headerValue: string | undefined,
): McpScope {
  let scope: { servers: string[]; denied?: string } = { servers: knownServers };
  if (route.kind === 'servers') {
    const unknown = route.names.find((name) => !knownServers.includes(name));
    if (unknown !== undefined) return { unknownName: unknown };
    scope = { servers: knownServers.filter((server) => route.names.includes(server)) };
  } else if (route.names.length > 0) {
    scope = narrow(knownServers, route.names);
  }
  const headerNames = headerValue === undefined ? [] : parseServerNames(headerValue);
  if (headerNames.length === 0 || scope.denied !== undefined) return scope;
  const narrowed = narrow(scope.servers, headerNames);
  // On a per-server path the header only narrows what the path named (unverified against LiteLLM: kept as before).
  return route.kind === 'servers' && narrowed.denied !== undefined ? scope : narrowed;
}
