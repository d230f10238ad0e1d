// Bounded GET event streams (`curl -sS -i -N --max-time N`): the MCP TypeScript SDK's `: keepalive` comments
// (server-everything, and the JSON-mode SDK server), LiteLLM-style `: ping - <ts>` comments, a stream with
// keep-alives turned off, and the ways a stream fails to open. All run at once; the longest window is 35 s.
import { makeCapture, type CaptureContext, type CaptureRequest } from './corpus-writer.ts';
import { ACCEPT_BOTH, INITIALIZE, INITIALIZED, curlPost, curlShows, curlStream } from './curl-commands.ts';
import { GATE } from './nginx-gate.ts';
import { PORTS } from './ports.ts';
import { runTool, type ToolRun } from './process.ts';
import { httpResponse, sseComments, text } from './read-output.ts';

const FAMILY = 'curl-streams';
const KEEPALIVE_S = 15;

/** A healthy stream that curl's own --max-time cut: exit 28 after a 200, holding `comments` keep-alive comments. */
function healthy(name: string, argv: string[], maxTimeS: number, comments: number, note: string): CaptureRequest {
  return {
    name,
    kind: 'sse-capture',
    tool: 'curl',
    argv,
    timeoutMs: (maxTimeS + 10) * 1000,
    checks: ['sse.heartbeat'],
    note,
    shows: (r) => curlShows(r, 28, 200) ?? (sseComments(text(r.stdout)).length === comments ? undefined : `${sseComments(text(r.stdout)).length} comment lines, not ${comments}`),
    expected: {
      verdict: 'pass',
      failureClass: null,
      status: 200,
      decidedBy: 'stdout',
      why: `The stream opened (200 text/event-stream) and carried ${comments} keep-alive comment${comments === 1 ? '' : 's'} in a ${maxTimeS} s window at a ${KEEPALIVE_S} s interval, all it can hold; curl's exit 28 is its own --max-time ending a healthy stream, not a timeout.`,
    },
  };
}

/** Opens a server-everything session (initialize + initialized, not captured) for a GET stream. */
async function everythingSession(ctx: CaptureContext): Promise<string> {
  const url = `http://127.0.0.1:${PORTS.everything}/mcp`;
  const run = (body: string, headers: string[]): Promise<ToolRun> => runTool([ctx.bins.curl, ...curlPost(url, body, [ACCEPT_BOTH, ...headers]).slice(1)], { env: ctx.baseEnv, cwd: ctx.repoRoot, timeoutMs: 15_000 });
  const init = await run(INITIALIZE, []);
  const session = httpResponse(text(init.stdout))?.headers['mcp-session-id'];
  if (!session) throw new Error(`${FAMILY}: server-everything returned no mcp-session-id: ${text(init.stdout).slice(0, 200)}`);
  await run(INITIALIZED, [`mcp-session-id: ${session}`]);
  return session;
}

function streamRequests(ctx: CaptureContext, sessions: [string, string]): CaptureRequest[] {
  const everything = `http://127.0.0.1:${PORTS.everything}/mcp`;
  const pings = `http://127.0.0.1:${PORTS.pings}/mcp/tools`;
  const gatedPings = `http://127.0.0.1:${PORTS.gate}${GATE.pings}`;
  const ev = `@modelcontextprotocol/server-everything ${ctx.servers.everything} (SDK keep-alive \`: keepalive\` every ${KEEPALIVE_S} s)`;
  const lite = `a tiny loopback SSE server imitating LiteLLM's sse-starlette pings (\`: ping - <UTC datetime>\` every ${KEEPALIVE_S} s); no real LiteLLM runs here`;
  const sessionHeaders = (s: string) => [`mcp-session-id: ${s}`, 'mcp-protocol-version: 2025-06-18'];
  return [
    healthy('everything-keepalive-20s', curlStream(everything, sessionHeaders(sessions[0]), 20), 20, 1, `curl GET event stream of ${ev}, cut by --max-time 20`),
    healthy('everything-keepalive-35s', curlStream(everything, sessionHeaders(sessions[1]), 35), 35, 2, `curl GET event stream of ${ev}, cut by --max-time 35 (the sse.heartbeat check's window)`),
    healthy('sdk-json-mode-keepalive-20s', curlStream(`http://127.0.0.1:${PORTS.json}/mcp`, [], 20), 20, 1, `curl GET standalone event stream of a stateless @modelcontextprotocol/sdk ${ctx.servers.sdk} server (JSON-response mode, SDK default keep-alive), cut by --max-time 20`),
    healthy('litellm-ping-20s', curlStream(pings, [], 20), 20, 1, `curl GET /mcp/tools event stream of ${lite}, cut by --max-time 20`),
    healthy('litellm-ping-35s', curlStream(pings, [], 35), 35, 2, `curl GET /mcp/tools event stream of ${lite}, cut by --max-time 35 (the sse.heartbeat check's window)`),
    healthy('litellm-ping-gate-bearer-20s', curlStream(gatedPings, [`Authorization: Bearer ${ctx.key}`], 20), 20, 1, `curl GET /mcp/tools through the nginx ${ctx.servers.nginx} Bearer gate (proxy_buffering off) to ${lite}, cut by --max-time 20`),
    {
      name: 'sdk-keepalive-off-20s',
      kind: 'sse-capture',
      tool: 'curl',
      argv: curlStream(`http://127.0.0.1:${PORTS.jsonSilentStream}/mcp`, [], 20),
      timeoutMs: 30_000,
      checks: ['sse.heartbeat'],
      note: `curl GET standalone event stream of an @modelcontextprotocol/sdk ${ctx.servers.sdk} server started with keepAliveMs 0 (keep-alive comments off), cut by --max-time 20`,
      shows: (r) => curlShows(r, 28, 200) ?? (sseComments(text(r.stdout)).length === 0 ? undefined : 'the stream carried comments'),
      expected: { verdict: 'fail', failureClass: 'expectation', status: 200, decidedBy: 'stdout', why: `The stream opened with 200 but stayed silent for 20 s, longer than the ${KEEPALIVE_S} s keep-alive interval: no keep-alive arrived, so an idle proxy may drop it; the server answered, the stream just lacked what the check expects.` },
    },
    {
      name: 'everything-no-session',
      kind: 'sse-capture',
      tool: 'curl',
      argv: curlStream(everything, [], 10),
      timeoutMs: 20_000,
      checks: ['sse.heartbeat'],
      note: `curl GET event stream of ${ev} without an mcp-session-id: the stateful server refuses to open it`,
      shows: (r) => curlShows(r, 0, 400),
      expected: { verdict: 'fail', failureClass: 'http_status', status: 400, decidedBy: 'stdout', why: 'The server answered 400 "Bad Request: No valid session ID provided" instead of opening a stream; an HTTP error stays http_status 400.' },
    },
    {
      name: 'litellm-ping-gate-no-key',
      kind: 'sse-capture',
      tool: 'curl',
      argv: curlStream(gatedPings, [], 10),
      timeoutMs: 20_000,
      checks: ['sse.heartbeat'],
      note: `curl GET /mcp/tools through the nginx ${ctx.servers.nginx} Bearer gate without Authorization: "404 page not found"`,
      shows: (r) => curlShows(r, 0, 404),
      expected: { verdict: 'fail', failureClass: 'http_status', status: 404, decidedBy: 'stdout', why: 'The gate answered 404 "404 page not found" and no stream opened: http_status 404.' },
    },
    {
      name: 'refused',
      kind: 'sse-capture',
      tool: 'curl',
      argv: curlStream(`http://127.0.0.1:${PORTS.closed}/mcp/tools`, [], 10),
      timeoutMs: 20_000,
      checks: ['sse.heartbeat'],
      note: 'curl GET event stream from a loopback port nothing listens on',
      shows: (r) => curlShows(r, 7),
      expected: { verdict: 'fail', failureClass: 'tcp_refused', decidedBy: 'stderr', why: 'curl exited 7 ("Connection refused") with nothing on stdout: the stream never opened because the connection was refused.' },
    },
    {
      name: 'no-answer-timeout',
      kind: 'sse-capture',
      tool: 'curl',
      argv: curlStream(`http://127.0.0.1:${PORTS.silent}/mcp/tools`, [], 5),
      timeoutMs: 15_000,
      checks: ['sse.heartbeat'],
      note: 'curl GET event stream with --max-time 5 from a listener that accepts the connection and never answers',
      shows: (r) => curlShows(r, 28) ?? (r.stdout.length === 0 ? undefined : 'stdout is not empty'),
      expected: { verdict: 'fail', failureClass: 'timeout', decidedBy: 'stderr', why: 'curl exited 28 with 0 bytes received: no status line ever came, so unlike a cut healthy stream there is nothing to judge but the timeout.' },
    },
  ];
}

/** All stream captures, concurrently (each is mostly waiting). */
export async function captureStreams(ctx: CaptureContext): Promise<void> {
  const sessions: [string, string] = [await everythingSession(ctx), await everythingSession(ctx)];
  await Promise.all(streamRequests(ctx, sessions).map((request) => makeCapture(ctx, FAMILY, request)));
}
