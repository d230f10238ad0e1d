/**
 * One request through both layers: latency fault, Traefik's routers (404 / injected admin key /
 * backend-error fault), then LiteLLM (MCP endpoint or the other routes).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEMO_GATEWAY_HEADER } from '../schemas/provenance.ts';
import { formatAccessLine } from './access-log.ts';
import { answerLiteLLM } from './litellm.ts';
import { handleMcpRequest, type McpContext } from './mcp-endpoint.ts';
import { answerMcpManagement, MCP_MANAGEMENT_PATHS } from './mcp-management.ts';
import { matchMcpRoute } from './mcp-paths.ts';
import { writeReply } from './reply.ts';
import { matchTraefikRouter, traefikBackendError, traefikNotFound } from './traefik.ts';

/** Everything a request may touch. */
export interface GatewayContext extends McpContext {
  log: (line: string) => void;
}

async function route(req: IncomingMessage, res: ServerResponse, ctx: GatewayContext): Promise<void> {
  if (ctx.faults.latencyMs > 0) await sleep(ctx.faults.latencyMs);
  const origin = `http://${req.headers.host ?? 'localhost'}`;
  const url = new URL(req.url ?? '/', origin);
  const isHead = req.method === 'HEAD';
  const router = matchTraefikRouter(url.pathname, req.headers.authorization);
  if (router === 'none') return writeReply(res, traefikNotFound(), isHead);
  if (router !== 'open' && ctx.faults.serverError !== null) return writeReply(res, traefikBackendError(ctx.faults.serverError), isHead);
  // Traefik's headers middleware replaces a client-sent Authorization on this route.
  if (router === 'status') req.headers.authorization = `Bearer ${ctx.keyRing.current()}`;
  const mcpRoute = router === 'open' ? null : matchMcpRoute(url.pathname);
  if (mcpRoute !== null) return handleMcpRequest(req, res, mcpRoute, url, ctx);
  if (router !== 'open' && (MCP_MANAGEMENT_PATHS as readonly string[]).includes(url.pathname)) {
    return writeReply(res, await answerMcpManagement(req.method ?? 'GET', url, req.headers, ctx.keyRing.isValid, ctx.pool), isHead);
  }
  writeReply(res, answerLiteLLM({ method: req.method ?? 'GET', pathname: url.pathname, headers: req.headers, origin }, ctx.keyRing.isValid), isHead);
}

/** Builds the Node request listener. */
export function createRequestHandler(ctx: GatewayContext): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    // Evidence made against the stand-in must say so: probes read this header and record the run as demo.
    res.setHeader(DEMO_GATEWAY_HEADER, 'proofbook');
    res.on('close', () => ctx.log(formatAccessLine(req, res.statusCode)));
    route(req, res, ctx).catch((error: unknown) => {
      ctx.log(`ERROR: ${req.method} ${(req.url ?? '/').split('?')[0]} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (!res.headersSent) writeReply(res, { status: 500, headers: { server: 'uvicorn', 'content-type': 'text/plain; charset=utf-8' }, body: 'Internal Server Error' });
      else res.destroy();
    });
  };
}
