import type { Check } from '../schemas/check.ts';
import type { Reading } from './reading.ts';
import type { ParsableKind } from './registry.ts';

/** Checks a capture speaks for, found by what it holds, or why that cannot be told (then it needs a meta file). */
export type Filing = { checkIds: string[] } | { reason: string };

const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && [...a].sort().join(',') === [...b].sort().join(',');

function one(candidates: readonly Check[], what: string): Filing {
  if (candidates.length === 1) return { checkIds: [candidates[0]!.id] };
  if (candidates.length === 0) return { reason: `${what} matches no check in content/checks/` };
  return { reason: `${what} matches ${candidates.length} checks (${candidates.map((c) => c.id).join(', ')})` };
}

/** The MCP checks a JSON-RPC exchange is about: its step, then its `x-mcp-servers` scope (unscoped checks use the environment's). */
function mcpChecks(reading: Reading, catalog: readonly Check[], steps: 'initialize' | 'tools-list'): Filing {
  const scope = reading.holds?.scope;
  const candidates = catalog.filter((c) => c.kind === 'mcp' && c.steps === steps);
  const scoped = scope ? candidates.filter((c) => c.kind === 'mcp' && c.servers && sameSet(c.servers, scope)) : [];
  const narrowed = scoped.length ? scoped : candidates.filter((c) => c.kind === 'mcp' && !c.servers);
  return one(narrowed, `a ${steps === 'initialize' ? 'initialize' : 'tools/list'} exchange${scope ? ` scoped to ${scope.join(',')}` : ''}`);
}

/** A curl transcript is filed by what it holds: its JSON-RPC method, else its request path. */
function curlChecks(reading: Reading, catalog: readonly Check[]): Filing {
  const { rpcMethod, path, method } = reading.holds ?? {};
  if (rpcMethod === 'initialize') return mcpChecks(reading, catalog, 'initialize');
  if (rpcMethod === 'tools/list') return mcpChecks(reading, catalog, 'tools-list');
  if (rpcMethod) return { reason: `a JSON-RPC ${rpcMethod} exchange matches no check kind` };
  if (!path) return { reason: 'the transcript shows neither its request path nor a JSON-RPC method (capture with `curl -v`, or as a capture folder with its command)' };
  const stream = reading.observations.some((o) => o.kind === 'sse-capture' && o.streamOpen);
  const candidates = catalog.filter((c) => (c.kind === 'http' && c.path === path && (!method || c.method === method)) || (stream && c.kind === 'sse-capture' && c.path === path));
  return one(candidates, `a request to ${method ? `${method} ` : ''}${path}`);
}

/**
 * Which checks a reading speaks for when no meta file names any (issue 24 item 4): matched against the catalog by what
 * the capture holds, never guessed from the file name. Ambiguous or unknown is a reason, and the import then asks for a
 * meta file. A JUnit report as a whole speaks only for checks a meta file names.
 */
export function checksByContent(kind: ParsableKind, reading: Reading, catalog: readonly Check[]): Filing {
  switch (kind) {
    case 'sse-capture': {
      const path = reading.holds?.path;
      return one(catalog.filter((c) => c.kind === 'sse-capture' && (!path || c.path === path)), `an event stream${path ? ` of ${path}` : ''}`);
    }
    case 'codex-mcp-list':
    case 'codex-mcp-list-json':
    case 'codex-mcp-get':
    case 'codex-mcp-get-json':
    case 'codex-doctor-json':
      return one(catalog.filter((c) => c.kind === 'codex-cli'), 'Codex CLI output');
    case 'inspector-cli':
      return one(catalog.filter((c) => c.kind === 'client-profile' && c.client === 'inspector'), 'an MCP Inspector CLI run');
    case 'openwebui-test-log':
      return one(catalog.filter((c) => c.kind === 'client-profile' && c.client === 'open-webui'), 'an Open WebUI test log');
    case 'curl-transcript':
      return curlChecks(reading, catalog);
    case 'junit-xml':
      return { reason: 'a JUnit report as a whole speaks only for the checks a meta file names, and none of its testcases is named after a check' };
  }
}
