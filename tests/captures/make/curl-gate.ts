// curl against the nginx gate's own answers: a Basic header (no Bearer → 404), a wrong path (404), the second
// gate that checks the key (401 with WWW-Authenticate), and a route whose upstream was stopped (502).
import { makeCapture, type CaptureContext, type CaptureRequest } from './corpus-writer.ts';
import { ACCEPT_BOTH, curlPost, curlShows, toolsList } from './curl-commands.ts';
import { GATE } from './nginx-gate.ts';
import { PORTS } from './ports.ts';
import type { ToolRun } from './process.ts';
import { httpResponse, text, toolsInHttp } from './read-output.ts';

const FAMILY = 'curl-gate';
const gate = (route: string): string => `http://127.0.0.1:${PORTS.gate}${route}`;

function failing(ctx: CaptureContext, name: string, argv: string[], status: number, note: string, why: string, extra?: (r: ToolRun) => string | undefined): CaptureRequest {
  return {
    name,
    kind: 'curl-transcript',
    tool: 'curl',
    argv,
    timeoutMs: 15_000,
    checks: ['mcp.tools-list'],
    note: `${note} (nginx ${ctx.servers.nginx})`,
    shows: (r) => curlShows(r, 0, status) ?? extra?.(r),
    expected: { verdict: 'fail', failureClass: 'http_status', status, decidedBy: 'stdout', why },
  };
}

function passing(ctx: CaptureContext, name: string, argv: string[], note: string): CaptureRequest {
  return {
    name,
    kind: 'curl-transcript',
    tool: 'curl',
    argv,
    timeoutMs: 15_000,
    checks: ['mcp.tools-list'],
    note: `${note} (nginx ${ctx.servers.nginx}, @modelcontextprotocol/sdk ${ctx.servers.sdk} in JSON-response mode, page size 2)`,
    shows: (r) => curlShows(r, 0, 200) ?? (toolsInHttp(text(r.stdout))?.count === 2 ? undefined : 'the page does not list 2 tools'),
    expected: { verdict: 'pass', failureClass: null, status: 200, tools: 2, morePages: true, decidedBy: 'stdout', why: 'The request passed the gate and tools/list answered 200 with 2 tools and a nextCursor: the page reports its own tools and that more exist.' },
  };
}

/** The /down route while its upstream still runs: the baseline the 502 capture is compared with. */
export async function captureUpstreamUp(ctx: CaptureContext): Promise<void> {
  await makeCapture(ctx, FAMILY, passing(ctx, 'upstream-up', curlPost(gate(GATE.down), toolsList(), [ACCEPT_BOTH, `Authorization: Bearer ${ctx.key}`]), 'curl POST tools/list through the gate to the upstream that is stopped later, while it still runs'));
}

/** The gate's refusals and the stopped upstream (call after that upstream was stopped). */
export async function captureGateCurl(ctx: CaptureContext): Promise<void> {
  const bearer = `Authorization: Bearer ${ctx.key}`;
  const hasChallenge = (r: ToolRun) => (/Bearer realm=/.test(httpResponse(text(r.stdout))?.headers['www-authenticate'] ?? '') ? undefined : 'no WWW-Authenticate: Bearer header');
  await makeCapture(ctx, FAMILY, failing(ctx, 'basic-auth', [...curlPost(gate(GATE.json), toolsList(), [ACCEPT_BOTH]), '-u', `litellm:${ctx.key}`], 404,
    'curl POST tools/list with HTTP Basic credentials (`-u`) instead of a Bearer header: the gate matches only `Authorization: Bearer …`',
    'A Basic Authorization header is not a Bearer token, so the gate matched no route and answered 404 "404 page not found": tools/list failed with http_status 404.'));
  await makeCapture(ctx, FAMILY, failing(ctx, 'wrong-path', curlPost(gate('/api/mcp'), toolsList(), [ACCEPT_BOTH, bearer]), 404,
    'curl POST tools/list with a valid Bearer key to a path the gate does not route (/api/mcp)',
    'The key was right but no route serves /api/mcp, so the gate answered 404 "404 page not found": the request failed with http_status 404.'));
  await makeCapture(ctx, FAMILY, failing(ctx, 'strict-no-key', curlPost(gate(GATE.strict), toolsList(), [ACCEPT_BOTH]), 401,
    'curl POST tools/list without a key to the second gate, which checks the key itself and answers 401 with WWW-Authenticate',
    'The second gate refused the request with 401 and `WWW-Authenticate: Bearer realm=…`; an HTTP error stays http_status with its status, 401.', hasChallenge));
  await makeCapture(ctx, FAMILY, failing(ctx, 'strict-wrong-key', curlPost(gate(GATE.strict), toolsList(), [ACCEPT_BOTH, `Authorization: Bearer ${ctx.wrongKey}`]), 401,
    'curl POST tools/list with a wrong Bearer key to the second gate: 401 with WWW-Authenticate error="invalid_token"',
    'A Bearer header was sent but the gate rejected its value with 401 and a WWW-Authenticate challenge: tools/list failed with http_status 401.', hasChallenge));
  await makeCapture(ctx, FAMILY, passing(ctx, 'strict-right-key', curlPost(gate(GATE.strict), toolsList(), [ACCEPT_BOTH, bearer]), 'curl POST tools/list with the right key through the second gate'));
  await makeCapture(ctx, FAMILY, failing(ctx, 'upstream-stopped', curlPost(gate(GATE.down), toolsList(), [ACCEPT_BOTH, bearer]), 502,
    'curl POST tools/list through the gate after its upstream MCP server was stopped: nginx answers 502 Bad Gateway',
    'The gate accepted the key but could not reach the stopped upstream and answered 502 Bad Gateway: a server-side HTTP error, http_status 502.'));
}
