/** Shared plumbing for clients whose config is JSON: find the server entry and map its header values. */
import { parseJsonDoc, isObject } from './lint/json.ts';
import { ClientConfigError, type ClientRequest } from './types.ts';

/** Parses a client's JSON config and returns its first server entry under `key` (`servers`, `mcpServers`). */
export function firstServerEntry(text: string, key: string, allowComments: boolean): { name: string; entry: Record<string, unknown>; root: Record<string, unknown> } {
  const doc = parseJsonDoc(text, 'client', allowComments);
  if (Array.isArray(doc)) throw new ClientConfigError(`the client cannot parse this file: line ${doc[0]?.line}: ${doc[0]?.message}`);
  const root = isObject(doc.value) ? doc.value : {};
  const servers = root[key];
  const first = isObject(servers) ? Object.entries(servers)[0] : undefined;
  if (!first || !isObject(first[1])) throw new ClientConfigError(`no server under "${key}"`);
  return { name: first[0], entry: first[1], root };
}

/** Builds the request from an entry's `url` and `headers`, mapping each header value through `expand`. */
export function requestFromEntry(name: string, entry: Record<string, unknown>, expand: (value: string) => string): ClientRequest {
  if (typeof entry.url !== 'string') throw new ClientConfigError(`server "${name}" has no "url"; the client does not make an HTTP request`);
  const headers: Record<string, string> = {};
  if (isObject(entry.headers)) for (const [header, value] of Object.entries(entry.headers)) headers[header] = expand(String(value));
  return { url: expand(entry.url), headers };
}
