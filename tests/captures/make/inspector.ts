// The MCP Inspector CLI (`mcp-inspector --cli`, @modelcontextprotocol/inspector) running tools/list in text
// (default) and `--format json`: successes over HTTP and stdio, and its error envelopes on stderr for every way
// a connection fails. Errors print the same one-line envelope in both formats.
import type { Expected } from '../expected-schema.ts';
import { makeCapture, type CaptureContext, type CaptureRequest } from './corpus-writer.ts';
import { GATE } from './nginx-gate.ts';
import { PORTS, UNRESOLVABLE_HOST } from './ports.ts';
import type { ToolRun } from './process.ts';
import { firstProblem, text, toolsInJson } from './read-output.ts';

const FAMILY = 'inspector';
const SCOPE = 'x-mcp-servers: mcp_postgres,mcp_filesystem';
const EVERYTHING_STDIO = ['node', 'node_modules/@modelcontextprotocol/server-everything/dist/index.js', 'stdio'];
const QUIET_STDIO = ['node', 'tests/captures/make/servers/json-page-server.ts', 'stdio'];

type Format = 'text' | 'json';
type Failure = Omit<Expected, 'checkId' | 'decidedBy'>;
const formatArgs = (format: Format): string[] => (format === 'json' ? ['--format', 'json'] : []);
const http = (url: string, headers: string[]): string[] => [url, '--transport', 'http', ...headers.flatMap((h) => ['--header', h])];

function exited(run: ToolRun, code: number): string | undefined {
  return run.exitCode === code ? undefined : `mcp-inspector exited ${run.exitCode ?? run.signal}, not ${code}: ${text(run.stderr).slice(0, 300)}`;
}

function stderrHas(run: ToolRun, pattern: RegExp): string | undefined {
  return pattern.test(text(run.stderr)) ? undefined : `stderr does not match ${pattern}: ${text(run.stderr).slice(0, 300)}`;
}

/** A tools/list that succeeds; the tool count is read from the capture's own stdout. */
function listing(name: string, target: string[], format: Format, note: string, tools?: number, banner?: RegExp): CaptureRequest {
  return {
    name,
    kind: 'inspector-cli',
    tool: 'mcp-inspector-cli',
    argv: ['mcp-inspector', '--cli', ...target, '--method', 'tools/list', ...formatArgs(format)],
    timeoutMs: 30_000,
    checks: ['clients.inspector'],
    note,
    shows: (r) => {
      const seen = toolsInJson(text(r.stdout));
      return firstProblem(exited(r, 0), seen?.count ? undefined : 'no tools on stdout', tools === undefined || seen?.count === tools ? undefined : `${seen?.count} tools, not ${tools}`, banner ? stderrHas(r, banner) : r.stderr.length ? `unexpected stderr: ${text(r.stderr).slice(0, 200)}` : undefined);
    },
    expected: (r) => ({
      verdict: 'pass',
      failureClass: null,
      tools: toolsInJson(text(r.stdout))?.count ?? 0,
      morePages: false,
      decidedBy: 'stdout',
      why: banner
        ? 'Exit 0 and the tools/list result on stdout; the only stderr line is the stdio server\'s own start-up banner, which the Inspector passes through and which says nothing about the result.'
        : `Exit 0 and the tools/list result on stdout${format === 'json' ? ' as one `{"result":…}` object' : ''}; the Inspector follows nextCursor itself, so the capture lists the whole catalog and no more pages.`,
    }),
  };
}

/** A failing tools/list: the exit code and the envelope on stderr decide. */
function failing(name: string, target: string[], format: Format, extraArgs: string[], code: number, pattern: RegExp, expected: Failure, note: string): CaptureRequest {
  return {
    name,
    kind: 'inspector-cli',
    tool: 'mcp-inspector-cli',
    argv: ['mcp-inspector', '--cli', ...target, '--method', 'tools/list', ...extraArgs, ...formatArgs(format)],
    timeoutMs: 30_000,
    checks: ['clients.inspector'],
    note,
    shows: (r) => firstProblem(exited(r, code), stderrHas(r, pattern), r.stdout.length ? `stdout is not empty: ${text(r.stdout).slice(0, 100)}` : undefined),
    expected: { ...expected, decidedBy: 'stderr' },
  };
}

function requests(ctx: CaptureContext): CaptureRequest[] {
  const v = (what: string) => `${what} (Inspector ${ctx.versions['mcp-inspector-cli']})`;
  const bearer = `Authorization: Bearer ${ctx.key}`;
  const gate = (route: string) => `http://127.0.0.1:${PORTS.gate}${route}`;
  const everything = http(`http://127.0.0.1:${PORTS.everything}/mcp`, []);
  const json = http(`http://127.0.0.1:${PORTS.json}/mcp`, []);
  const out: CaptureRequest[] = [];
  for (const format of ['text', 'json'] as const) {
    out.push(
      listing(`everything-${format}`, everything, format, v(`tools/list of @modelcontextprotocol/server-everything ${ctx.servers.everything} over streamable HTTP, ${format} output`)),
      listing(`json-mode-paged-${format}`, json, format, v(`tools/list of an @modelcontextprotocol/sdk ${ctx.servers.sdk} server in JSON-response mode with a page size of 2; the Inspector follows the cursors`), 5),
      listing(`stdio-banner-${format}`, EVERYTHING_STDIO, format, v(`tools/list of @modelcontextprotocol/server-everything ${ctx.servers.everything} over stdio; the server prints "Starting default (STDIO) server..." on stderr and the Inspector passes it through`), undefined, /Starting default \(STDIO\) server/),
      failing(`refused-${format}`, http(`http://127.0.0.1:${PORTS.closed}/mcp`, [bearer]), format, [], 4, /ECONNREFUSED/,
        { verdict: 'fail', failureClass: 'tcp_refused', why: 'Exit 4 with the envelope {"error":{"code":"unreachable",…,"cause":"connect ECONNREFUSED …"}}: the TCP connection was refused.' },
        v('tools/list against a loopback port nothing listens on')),
      failing(`gate-no-key-${format}`, http(gate(GATE.json), [SCOPE]), format, [], 1, /404/,
        { verdict: 'fail', failureClass: 'http_status', status: 404, why: 'The Inspector reports the gate\'s HTTP 404 in its error envelope; the server was never reached, and an HTTP error stays http_status with its status 404.' },
        v(`tools/list through the nginx ${ctx.servers.nginx} Bearer gate without a key: "404 page not found"`)),
      failing(`upstream-stopped-${format}`, http(gate(GATE.down), [bearer, SCOPE]), format, [], 1, /502/,
        { verdict: 'fail', failureClass: 'http_status', status: 502, why: 'The envelope carries the gate\'s HTTP 502 Bad Gateway (its upstream was stopped): a server-side HTTP error, http_status 502, not a protocol error.' },
        v(`tools/list through the nginx ${ctx.servers.nginx} gate after its upstream MCP server was stopped`)),
      failing(`strict-gate-401-stored-auth-only-${format}`, http(gate(GATE.strict), [SCOPE]), format, ['--stored-auth-only'], 3, /401/,
        { verdict: 'fail', failureClass: 'http_status', status: 401, why: 'Exit 3 (auth_required) with the gate\'s 401 page in the envelope: the server refused the request without a key; an HTTP error stays http_status with its status 401.' },
        v(`tools/list --stored-auth-only (the CI mode: never start OAuth) without a key to the nginx ${ctx.servers.nginx} gate that answers 401 with WWW-Authenticate: Bearer`)),
      failing(`command-not-found-${format}`, ['mcp-server-not-installed', '/srv/data'], format, [], 1, /ENOENT/,
        { verdict: 'fail', failureClass: 'command_not_found', why: 'The envelope says "spawn mcp-server-not-installed ENOENT": the stdio server\'s command is not on PATH, so nothing was started.' },
        v('tools/list of a stdio server whose command is not installed')),
    );
  }
  out.push(
    listing('gate-bearer-text', http(gate(GATE.json), [bearer, SCOPE]), 'text', v(`tools/list through the nginx ${ctx.servers.nginx} Bearer gate with a key and x-mcp-servers, to the JSON-response-mode SDK server (page size 2)`), 5),
    listing('stdio-quiet-text', QUIET_STDIO, 'text', v(`tools/list of the JSON-page server (@modelcontextprotocol/sdk ${ctx.servers.sdk}) over stdio; it prints nothing on stderr`), 5),
    failing('timeout-text', http(`http://127.0.0.1:${PORTS.silent}/mcp`, [bearer]), 'text', ['--connect-timeout', '2000'], 4, /timed out/,
      { verdict: 'fail', failureClass: 'timeout', why: 'Exit 4 with "Connection timed out after 2000 ms": the listener accepted the connection but never answered within the Inspector\'s --connect-timeout.' },
      v('tools/list with --connect-timeout 2000 against a listener that never answers')),
    failing('tls-self-signed-text', http(`https://127.0.0.1:${PORTS.tls}/mcp`, [bearer]), 'text', [], 4, /self-signed certificate/,
      { verdict: 'fail', failureClass: 'tls', why: 'Exit 4 with the cause "self-signed certificate": the TLS handshake was refused before any HTTP exchange.' },
      v(`tools/list against nginx ${ctx.servers.nginx} over TLS with a throwaway self-signed certificate`)),
    failing('dns-unresolvable-text', http(`http://${UNRESOLVABLE_HOST}/mcp/`, [bearer]), 'text', [], 4, /getaddrinfo|ENOTFOUND|EAI_AGAIN/,
      { verdict: 'fail', failureClass: 'dns', why: 'Exit 4 with a getaddrinfo failure as the cause: the host name did not resolve (inside the loopback-only namespace nothing does), so this is dns.' },
      v(`tools/list against ${UNRESOLVABLE_HOST} inside a loopback-only network namespace`)),
    failing('wrong-path-text', http(gate('/api/mcp'), [bearer, SCOPE]), 'text', [], 1, /404/,
      { verdict: 'fail', failureClass: 'http_status', status: 404, why: 'The key was right but the gate routes nothing at /api/mcp and answered 404; the envelope carries that status, http_status 404.' },
      v(`tools/list with a key to a path the nginx ${ctx.servers.nginx} gate does not route (/api/mcp)`)),
    failing('strict-gate-401-text', http(gate(GATE.strict), [SCOPE]), 'text', [], 3, /auth_required/,
      { verdict: 'fail', failureClass: 'http_status', why: 'Exit 3 and code auth_required: the gate refused the request without a key (it answered 401 with WWW-Authenticate) and, with no TTY, the Inspector did not start OAuth; the message shows no status, but the refusal is the server\'s HTTP answer.' },
      v(`tools/list without a key to the nginx ${ctx.servers.nginx} gate that answers 401 with WWW-Authenticate: Bearer`)),
  );
  return out;
}

/** Every Inspector capture, two at a time (each starts a Node process). */
export async function captureInspector(ctx: CaptureContext): Promise<void> {
  const queue = requests(ctx);
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await makeCapture(ctx, FAMILY, next);
  };
  await Promise.all([worker(), worker()]);
}
