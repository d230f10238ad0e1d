/**
 * The Traefik v3 layer in front of LiteLLM, as configured in the reference deployment
 * (litellm-traefik.md §4): an open router for UI/docs paths, a status router whose middleware
 * injects the admin key, and an API router gated by `HeaderRegexp(`Authorization`, `^Bearer .+`)`.
 * Anything no router matches gets Go's `http.NotFound`.
 */
import type { Reply } from './reply.ts';
import type { TraefikErrorStatus } from './faults.ts';

/** Which Traefik router a request matches; `none` means Traefik answers 404 itself. */
export type TraefikRouter = 'open' | 'status' | 'api' | 'none';

/** The path the `inject-admin` middleware guards. */
export const STATUS_PATH = '/schedule/model_cost_map_reload/status';

/** `HeaderRegexp` compiles RE2 and matches anywhere unless anchored; this rule is anchored. */
const BEARER_RULE = /^Bearer .+/;

/**
 * Picks the router Traefik would pick. The open router has explicit priority 200; between the
 * other two the longer rule wins, and the status rule (`Path(...)`) is longer than the API rule.
 */
export function matchTraefikRouter(pathname: string, authorization: string | undefined): TraefikRouter {
  // PathPrefix is a plain string prefix in v3, so `/uix` and `/swaggerfoo` match too.
  const isOpen =
    pathname.startsWith('/ui') ||
    pathname.startsWith('/swagger') ||
    pathname === '/docs' ||
    pathname === '/openapi.json';
  if (isOpen) return 'open';
  if (pathname === STATUS_PATH) return 'status';
  if (authorization !== undefined && BEARER_RULE.test(authorization)) return 'api';
  return 'none';
}

/** Go's `http.NotFound`: what Traefik answers when no router matches. */
export function traefikNotFound(): Reply {
  return {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' },
    body: '404 page not found\n',
  };
}

const PROXY_ERROR_TEXT: Record<Exclude<TraefikErrorStatus, 503>, string> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  504: 'Gateway Timeout',
};

/**
 * What Traefik answers when the backend fails. 503 comes from the load balancer via `http.Error`
 * (trailing newline, nosniff); 500/502/504 come from the proxy error handler, which writes
 * `http.StatusText` with no newline and lets Go sniff the content type.
 */
export function traefikBackendError(status: TraefikErrorStatus): Reply {
  if (status === 503) {
    return {
      status,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' },
      body: 'no available server\n',
    };
  }
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: PROXY_ERROR_TEXT[status] };
}
