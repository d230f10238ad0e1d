/**
 * What a captured command line says about the run (capture.yaml `command`): the request curl sent, its time limit,
 * the headers the Inspector was given. Only option shapes the tools document are read; anything else is ignored.
 */

/** The value after `name` (`--max-time 20`) or joined to it (`--max-time=20`, `-m20`), for each occurrence. */
function optionValues(argv: readonly string[], names: readonly string[]): string[] {
  const values: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    for (const name of names) {
      if (arg === name && i + 1 < argv.length) values.push(argv[i + 1]!);
      else if (name.startsWith('--') && arg.startsWith(`${name}=`)) values.push(arg.slice(name.length + 1));
      else if (!name.startsWith('--') && arg.startsWith(name) && arg.length > name.length) values.push(arg.slice(name.length));
    }
  }
  return values;
}

/** Header `name: value` pairs given with `-H`/`--header` (names lowercased). */
export function commandHeaders(argv: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const raw of optionValues(argv, ['-H', '--header'])) {
    const colon = raw.indexOf(':');
    if (colon > 0) headers[raw.slice(0, colon).trim().toLowerCase()] = raw.slice(colon + 1).trim();
  }
  return headers;
}

/** The servers an `x-mcp-servers` header names. */
export function scopeOf(headers: Record<string, string>): string[] | undefined {
  const value = headers['x-mcp-servers'];
  return value === undefined ? undefined : value.split(',').map((s) => s.trim()).filter(Boolean);
}

/** curl's own time limit (`--max-time`/`-m`, seconds, decimals allowed) in ms. */
export function curlMaxTimeMs(argv: readonly string[]): number | undefined {
  const value = optionValues(argv, ['--max-time', '-m']).at(-1);
  const seconds = value === undefined ? Number.NaN : Number(value);
  return Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : undefined;
}

/** The request a curl command sends: method, URL path, and the JSON-RPC method of its body. */
export function curlRequest(argv: readonly string[]): { method?: string; path?: string; rpcMethod?: string } {
  const url = argv.slice(1).find((arg) => /^https?:\/\//.test(arg));
  const body = optionValues(argv, ['-d', '--data', '--data-raw', '--data-binary']).at(-1);
  const method = optionValues(argv, ['-X', '--request']).at(-1) ?? (body !== undefined ? 'POST' : url ? 'GET' : undefined);
  let path: string | undefined;
  if (url) {
    try {
      path = new URL(url).pathname;
    } catch (error) {
      // A URL curl could not parse either leaves the path unknown.
      if (!(error instanceof TypeError)) throw error;
    }
  }
  return { ...(method ? { method: method.toUpperCase() } : {}), ...(path ? { path } : {}), ...(rpcMethodOf(body) ? { rpcMethod: rpcMethodOf(body) } : {}) };
}

/** The `method` of a JSON-RPC request body, if it is one. */
export function rpcMethodOf(body: string | undefined): string | undefined {
  if (!body) return undefined;
  return /"method"\s*:\s*"([^"]+)"/.exec(body)?.[1];
}

/** An Inspector CLI option value (`--method tools/list`, `--tool-name x`). */
export function inspectorOption(argv: readonly string[], name: string): string | undefined {
  return optionValues(argv, [name]).at(-1);
}
