// The curl command lines the corpus records: `curl -sS -i -N` POSTs of JSON-RPC and bounded GET streams.
import { httpResponse, text } from './read-output.ts';
import type { ToolRun } from './process.ts';

export const INITIALIZE = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'curl', version: '7.88.1' } } });
export const INITIALIZED = JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' });
export const toolsList = (cursor?: string): string => JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list', params: cursor ? { cursor } : {} });

/** Both media types, as the streamable HTTP transport requires of a POST. */
export const ACCEPT_BOTH = 'Accept: application/json, text/event-stream';

/** `curl -sS -i -N -X POST <url> -H … -d <body>`, bounded by `--max-time`. */
export function curlPost(url: string, body: string, headers: string[], maxTimeS = 10): string[] {
  return ['curl', '-sS', '-i', '-N', '--max-time', String(maxTimeS), '-X', 'POST', url, '-H', 'Content-Type: application/json', ...headers.flatMap((h) => ['-H', h]), '-d', body];
}

/** `curl -sS -i -N --max-time <s> <url> -H 'Accept: text/event-stream' …`: a GET event stream cut by curl's own window. */
export function curlStream(url: string, headers: string[], maxTimeS: number): string[] {
  return ['curl', '-sS', '-i', '-N', '--max-time', String(maxTimeS), url, '-H', 'Accept: text/event-stream', ...headers.flatMap((h) => ['-H', h])];
}

/** The HTTP status a `curl -i` run printed, if any. */
export function statusOf(run: ToolRun): number | undefined {
  return httpResponse(text(run.stdout))?.status;
}

/** A problem unless curl exited `code` and printed status `status` (undefined: no response expected). */
export function curlShows(run: ToolRun, code: number, status?: number): string | undefined {
  if (run.exitCode !== code) return `curl exited ${run.exitCode ?? run.signal}, not ${code}: ${text(run.stderr).trim()}`;
  const seen = statusOf(run);
  if (seen !== status) return `HTTP status ${seen ?? '(none)'}, not ${status ?? '(none)'}`;
  return undefined;
}
