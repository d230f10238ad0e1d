// Small, direct readings of a run's output for the generator's own use: does the run show its scenario, and how
// many tools does it list. Independent of src/ingest on purpose: these are what the parsers are measured against.

/** The tools list a JSON-RPC result carries, and whether it says more pages exist. */
export interface ToolPage {
  count: number;
  morePages: boolean;
}

function pageOf(value: unknown): ToolPage | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const outer = value as Record<string, unknown>;
  const result = (outer.result && typeof outer.result === 'object' ? outer.result : outer) as Record<string, unknown>;
  if (!Array.isArray(result.tools)) return undefined;
  return { count: result.tools.length, morePages: typeof result.nextCursor === 'string' && result.nextCursor !== '' };
}

/** The tools in a JSON document (Inspector stdout: `{tools}` in text mode, `{result:{tools}}` with --format json). */
export function toolsInJson(text: string): ToolPage | undefined {
  try {
    return pageOf(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/** Splits `curl -i` output into the status line, lower-cased headers and body (the last response when curl followed one). */
export function httpResponse(stdout: string): { status: number; headers: Record<string, string>; body: string } | undefined {
  const match = /^HTTP\/[\d.]+ (\d{3})[^\r\n]*\r?\n([\s\S]*?)\r?\n\r?\n([\s\S]*)$/.exec(stdout);
  if (!match) return undefined;
  const headers: Record<string, string> = {};
  for (const line of match[2]!.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(match[1]), headers, body: match[3]! };
}

/** The tools in a `curl -i` JSON-RPC answer, framed as SSE (`data:` lines) or as plain JSON. */
export function toolsInHttp(stdout: string): ToolPage | undefined {
  const response = httpResponse(stdout);
  if (!response) return undefined;
  if (/text\/event-stream/.test(response.headers['content-type'] ?? '')) {
    for (const line of response.body.split(/\r?\n/)) {
      if (!line.startsWith('data:')) continue;
      const page = toolsInJson(line.slice(5).trim());
      if (page) return page;
    }
    return undefined;
  }
  return toolsInJson(response.body);
}

/** SSE comment lines (`:` first) in a stream body: every one is a keep-alive, whatever follows the colon. */
export function sseComments(stdout: string): string[] {
  const body = httpResponse(stdout)?.body ?? '';
  return body.split(/\r?\n/).filter((line) => line.startsWith(':'));
}

export const text = (bytes: Buffer): string => bytes.toString('utf8');

/** A problem message when `actual` differs from `wanted`, for `shows`. */
export function differs(what: string, actual: unknown, wanted: unknown): string | undefined {
  return actual === wanted ? undefined : `${what} is ${JSON.stringify(actual)}, not ${JSON.stringify(wanted)}`;
}

/** The first problem of several, for `shows`. */
export function firstProblem(...problems: (string | undefined)[]): string | undefined {
  return problems.find((p) => p !== undefined);
}
