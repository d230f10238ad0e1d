// curl POSTs to @modelcontextprotocol/server-everything over streamable HTTP: answers framed as SSE
// (`event: message` / `data: {…}`), a session opened by initialize, directly and through the nginx gate.
import { makeCapture, type CaptureContext } from './corpus-writer.ts';
import { ACCEPT_BOTH, INITIALIZE, INITIALIZED, curlPost, curlShows, toolsList } from './curl-commands.ts';
import { GATE } from './nginx-gate.ts';
import { PORTS } from './ports.ts';
import { runTool, type ToolRun } from './process.ts';
import { httpResponse, text, toolsInHttp } from './read-output.ts';

const FAMILY = 'curl-everything';

function sseAnswer(run: ToolRun): string | undefined {
  const response = httpResponse(text(run.stdout));
  return /text\/event-stream/.test(response?.headers['content-type'] ?? '') ? undefined : `content-type is ${response?.headers['content-type']}, not text/event-stream`;
}

/** Opens a session the way a client does: initialize (captured), then notifications/initialized (not captured). */
async function initializeCaptured(ctx: CaptureContext, name: string, url: string, headers: string[], where: string): Promise<string> {
  const run = await makeCapture(ctx, FAMILY, {
    name,
    kind: 'curl-transcript',
    tool: 'curl',
    argv: curlPost(url, INITIALIZE, [ACCEPT_BOTH, ...headers]),
    timeoutMs: 15_000,
    checks: ['mcp.initialize'],
    note: `curl POST initialize to @modelcontextprotocol/server-everything ${ctx.servers.everything} ${where}; the answer is one SSE frame`,
    shows: (r) => curlShows(r, 0, 200) ?? sseAnswer(r),
    expected: { verdict: 'pass', failureClass: null, status: 200, decidedBy: 'stdout', why: 'initialize answered 200 with an SSE `event: message` whose data is a JSON-RPC result with protocolVersion and serverInfo: the MCP handshake succeeded.' },
  });
  const session = httpResponse(text(run.stdout))?.headers['mcp-session-id'];
  if (!session) throw new Error(`${FAMILY}/${name}: server-everything returned no mcp-session-id`);
  const initialized = await runTool([ctx.bins.curl, ...curlPost(url, INITIALIZED, [ACCEPT_BOTH, ...headers, `mcp-session-id: ${session}`]).slice(1)], { env: ctx.baseEnv, cwd: ctx.repoRoot, timeoutMs: 15_000 });
  if (initialized.exitCode !== 0) throw new Error(`${FAMILY}/${name}: notifications/initialized failed: ${text(initialized.stderr)}`);
  return session;
}

function toolsListPass(ctx: CaptureContext, where: string) {
  return {
    kind: 'curl-transcript' as const,
    tool: 'curl' as const,
    timeoutMs: 15_000,
    checks: ['mcp.tools-list'],
    note: `curl POST tools/list to @modelcontextprotocol/server-everything ${ctx.servers.everything} ${where}, in the session initialize opened; the catalog comes as one SSE frame`,
    shows: (r: ToolRun) => curlShows(r, 0, 200) ?? sseAnswer(r) ?? (toolsInHttp(text(r.stdout))?.count ? undefined : 'no tools in the answer'),
    expected: (r: ToolRun) => ({
      verdict: 'pass' as const,
      failureClass: null,
      status: 200,
      tools: toolsInHttp(text(r.stdout))?.count ?? 0,
      morePages: false,
      decidedBy: 'stdout' as const,
      why: 'tools/list answered 200 with an SSE frame whose data holds result.tools and no nextCursor: the whole catalog, read from a stream that is not the GET keep-alive stream.',
    }),
  };
}

/** The server-everything captures: initialize and tools/list in SSE mode, direct and through the gate with and without a key. */
export async function captureEverythingCurl(ctx: CaptureContext): Promise<void> {
  const direct = `http://127.0.0.1:${PORTS.everything}/mcp`;
  const gated = `http://127.0.0.1:${PORTS.gate}${GATE.everything}`;
  const bearer = `Authorization: Bearer ${ctx.key}`;

  const session = await initializeCaptured(ctx, 'initialize', direct, [], 'directly');
  await makeCapture(ctx, FAMILY, { name: 'tools-list-sse', argv: curlPost(direct, toolsList(), [ACCEPT_BOTH, `mcp-session-id: ${session}`]), ...toolsListPass(ctx, 'directly') });

  await makeCapture(ctx, FAMILY, {
    name: 'tools-list-no-session',
    kind: 'curl-transcript',
    tool: 'curl',
    argv: curlPost(direct, toolsList(), [ACCEPT_BOTH]),
    timeoutMs: 15_000,
    checks: ['mcp.tools-list'],
    note: `curl POST tools/list to @modelcontextprotocol/server-everything ${ctx.servers.everything} without initialize first: the stateful server refuses a request with no mcp-session-id`,
    shows: (r) => curlShows(r, 0, 400),
    expected: { verdict: 'fail', failureClass: 'http_status', status: 400, decidedBy: 'stdout', why: 'The server answered 400 with the JSON-RPC error "Bad Request: No valid session ID provided"; no catalog came back, and an HTTP error stays http_status with its status.' },
  });

  const gatedSession = await initializeCaptured(ctx, 'initialize-gate-bearer', gated, [bearer], 'through the nginx Bearer gate with a key');
  await makeCapture(ctx, FAMILY, { name: 'tools-list-sse-gate-bearer', argv: curlPost(gated, toolsList(), [ACCEPT_BOTH, bearer, `mcp-session-id: ${gatedSession}`]), ...toolsListPass(ctx, 'through the nginx Bearer gate with a key') });

  await makeCapture(ctx, FAMILY, {
    name: 'tools-list-sse-gate-no-key',
    kind: 'curl-transcript',
    tool: 'curl',
    argv: curlPost(gated, toolsList(), [ACCEPT_BOTH, `mcp-session-id: ${gatedSession}`]),
    timeoutMs: 15_000,
    checks: ['mcp.tools-list'],
    note: `curl POST tools/list through the nginx ${ctx.servers.nginx} Bearer gate without Authorization: like Traefik, no route matches and the gate answers "404 page not found"`,
    shows: (r) => curlShows(r, 0, 404),
    expected: { verdict: 'fail', failureClass: 'http_status', status: 404, decidedBy: 'stdout', why: 'The gate answered 404 "404 page not found" before the MCP server saw the request: tools/list failed with an HTTP status, which stays http_status 404.' },
  });
}
