// curl POSTs to an @modelcontextprotocol/sdk server in JSON-response mode (`enableJsonResponse`): answers are
// `application/json`, and tools/list pages its five tools two at a time, so one captured page shows `nextCursor`.
import { makeCapture, type CaptureContext, type CaptureRequest } from './corpus-writer.ts';
import { ACCEPT_BOTH, INITIALIZE, curlPost, curlShows, toolsList } from './curl-commands.ts';
import { GATE } from './nginx-gate.ts';
import { PORTS } from './ports.ts';
import type { ToolRun } from './process.ts';
import { httpResponse, text, toolsInHttp } from './read-output.ts';

const FAMILY = 'curl-json-mode';

function jsonAnswer(run: ToolRun): string | undefined {
  const type = httpResponse(text(run.stdout))?.headers['content-type'] ?? '';
  return /^application\/json/.test(type) ? undefined : `content-type is ${type}, not application/json`;
}

/** A tools/list page that must list `count` tools, with `more` telling whether a nextCursor is expected. */
function page(ctx: CaptureContext, name: string, url: string, headers: string[], cursor: string | undefined, count: number, more: boolean, where: string): CaptureRequest {
  return {
    name,
    kind: 'curl-transcript',
    tool: 'curl',
    argv: curlPost(url, toolsList(cursor), [ACCEPT_BOTH, ...headers]),
    timeoutMs: 15_000,
    checks: ['mcp.tools-list'],
    note: `curl POST tools/list${cursor ? ` (cursor "${cursor}")` : ''} to an @modelcontextprotocol/sdk ${ctx.servers.sdk} server in JSON-response mode with a page size of 2 ${where}; the answer is application/json, not SSE`,
    shows: (r) => {
      const seen = toolsInHttp(text(r.stdout));
      return curlShows(r, 0, 200) ?? jsonAnswer(r) ?? (seen?.count === count && seen.morePages === more ? undefined : `page lists ${JSON.stringify(seen)}, not ${count} tools with more=${more}`);
    },
    expected: {
      verdict: 'pass',
      failureClass: null,
      status: 200,
      tools: count,
      morePages: more,
      decidedBy: 'stdout',
      why: more
        ? 'tools/list answered 200 with application/json result.tools (2 tools) and a nextCursor: this single page reports its own 2 tools and that more pages exist.'
        : 'tools/list answered 200 with application/json result.tools and no nextCursor: the last page, listing its own tools.',
    },
  };
}

/** The JSON-response-mode captures: initialize, first and last tools/list pages, a 406, and the gate with and without a key. */
export async function captureJsonModeCurl(ctx: CaptureContext): Promise<void> {
  const direct = `http://127.0.0.1:${PORTS.json}/mcp`;
  const gated = `http://127.0.0.1:${PORTS.gate}${GATE.json}`;
  const bearer = `Authorization: Bearer ${ctx.key}`;

  await makeCapture(ctx, FAMILY, {
    name: 'initialize',
    kind: 'curl-transcript',
    tool: 'curl',
    argv: curlPost(direct, INITIALIZE, [ACCEPT_BOTH]),
    timeoutMs: 15_000,
    checks: ['mcp.initialize'],
    note: `curl POST initialize to an @modelcontextprotocol/sdk ${ctx.servers.sdk} server in JSON-response mode (stateless); the answer is application/json`,
    shows: (r) => curlShows(r, 0, 200) ?? jsonAnswer(r),
    expected: { verdict: 'pass', failureClass: null, status: 200, decidedBy: 'stdout', why: 'initialize answered 200 with an application/json JSON-RPC result carrying protocolVersion and serverInfo: the handshake succeeded without SSE framing.' },
  });
  await makeCapture(ctx, FAMILY, page(ctx, 'tools-list-page-1', direct, [], undefined, 2, true, 'directly'));
  await makeCapture(ctx, FAMILY, page(ctx, 'tools-list-last-page', direct, [], '4', 1, false, 'directly'));
  await makeCapture(ctx, FAMILY, {
    name: 'tools-list-accept-json-only',
    kind: 'curl-transcript',
    tool: 'curl',
    argv: curlPost(direct, toolsList(), ['Accept: application/json']),
    timeoutMs: 15_000,
    checks: ['mcp.tools-list'],
    note: `curl POST tools/list with only "Accept: application/json" to the JSON-response-mode SDK ${ctx.servers.sdk} server: the transport still requires both media types`,
    shows: (r) => curlShows(r, 0, 406),
    expected: { verdict: 'fail', failureClass: 'http_status', status: 406, decidedBy: 'stdout', why: 'The SDK transport answered 406 "Not Acceptable: Client must accept both application/json and text/event-stream"; no tools came back and the HTTP error stays http_status 406.' },
  });
  await makeCapture(ctx, FAMILY, page(ctx, 'tools-list-gate-bearer', gated, [bearer], undefined, 2, true, 'through the nginx Bearer gate with a key'));
  await makeCapture(ctx, FAMILY, {
    name: 'tools-list-gate-no-key',
    kind: 'curl-transcript',
    tool: 'curl',
    argv: curlPost(gated, toolsList(), [ACCEPT_BOTH]),
    timeoutMs: 15_000,
    checks: ['mcp.tools-list'],
    note: `curl POST tools/list through the nginx ${ctx.servers.nginx} Bearer gate without Authorization to the JSON-response-mode server: no route matches, "404 page not found"`,
    shows: (r) => curlShows(r, 0, 404),
    expected: { verdict: 'fail', failureClass: 'http_status', status: 404, decidedBy: 'stdout', why: 'Without a Bearer header the gate answers 404 "404 page not found" (the Traefik split); tools/list never reached the server, so it fails with http_status 404.' },
  });
}
