/**
 * The LiteLLM proxy layer (everything but MCP), as documented in litellm-traefik.md §3: FastAPI
 * routing first (unknown path → `{"detail":"Not Found"}` even with a wrong key), then the route's
 * auth dependency (wrong key → the `auth_error` envelope).
 */
import type { IncomingHttpHeaders } from 'node:http';
import { DEMO_LITELLM_VERSION, OPENAPI_DOCUMENT, SWAGGER_ASSETS, SWAGGER_HTML, UI_HTML } from './litellm-assets.ts';
import { uvicornJson, uvicornRaw, type Reply } from './reply.ts';
import { STATUS_PATH } from './traefik.ts';

/** What the LiteLLM layer needs to know about a request. */
export interface LiteLLMRequest {
  method: string;
  pathname: string;
  headers: IncomingHttpHeaders;
  /** `http://host:port` as the client addressed us, for absolute redirects like Starlette's. */
  origin: string;
}

type Access = 'public' | 'key' | 'admin';
interface Route {
  access: Access;
  answer: (req: LiteLLMRequest) => Reply;
}

/** The model groups `/v1/models` lists. */
export const DEMO_MODELS = ['demo-model'] as const;

const HTML = 'text/html; charset=utf-8';

const ROUTES: Record<string, Route> = {
  '/': { access: 'public', answer: () => uvicornRaw(200, HTML, SWAGGER_HTML) },
  // `/docs` is not a LiteLLM default; the stand-in behaves as if DOCS_URL=/docs were set, which is
  // what a Traefik rule that opens `/docs` expects (reference §3.5).
  '/docs': { access: 'public', answer: () => uvicornRaw(200, HTML, SWAGGER_HTML) },
  '/openapi.json': { access: 'public', answer: () => uvicornJson(200, OPENAPI_DOCUMENT) },
  '/health/liveliness': { access: 'public', answer: () => uvicornJson(200, "I'm alive!") },
  '/health/liveness': { access: 'public', answer: () => uvicornJson(200, "I'm alive!") },
  '/health/readiness': { access: 'public', answer: () => uvicornJson(200, readinessBody()) },
  '/test': { access: 'public', answer: () => uvicornJson(200, { route: '/test' }) },
  '/v1/models': { access: 'key', answer: () => uvicornJson(200, modelsBody()) },
  '/models': { access: 'key', answer: () => uvicornJson(200, modelsBody()) },
  [STATUS_PATH]: {
    access: 'admin',
    answer: () => uvicornJson(200, { scheduled: false, interval_hours: null, last_run: null, next_run: null }),
  },
};

function readinessBody(): Record<string, unknown> {
  return {
    status: 'healthy',
    db: 'Not connected',
    cache: null,
    litellm_version: DEMO_LITELLM_VERSION,
    success_callbacks: [],
    use_aiohttp_transport: true,
    log_level: 'WARNING',
    is_detailed_debug: false,
  };
}

function modelsBody(): Record<string, unknown> {
  const data = DEMO_MODELS.map((id) => ({ id, object: 'model', created: 1677610602, owned_by: 'openai' }));
  return { data, object: 'list' };
}

/** FastAPI's answer for an unknown path. */
export const notFound = (): Reply => uvicornJson(404, { detail: 'Not Found' });

/** LiteLLM's ProxyException envelope for auth failures (`param` and `code` are strings). */
export function authError(message: string): Reply {
  return uvicornJson(401, { error: { message: `Authentication Error, ${message}`, type: 'auth_error', param: 'None', code: '401' } });
}

/** The key LiteLLM reads from `Authorization: Bearer <key>`; undefined when none was sent. */
export function bearerKey(headers: IncomingHttpHeaders): string | undefined {
  const value = headers.authorization;
  if (value === undefined) return undefined;
  return value.startsWith('Bearer ') ? value.slice('Bearer '.length).trim() : value.trim();
}

/**
 * The key LiteLLM authenticates a request with: `x-litellm-api-key` when sent (with or without `Bearer `), which it
 * prefers over `Authorization` on every route (checked against 1.108.4: a right key there beside a wrong Bearer passes).
 */
export function requestKey(headers: IncomingHttpHeaders): string | undefined {
  const raw = headers['x-litellm-api-key'];
  const litellmKey = Array.isArray(raw) ? raw.join(',') : raw;
  if (litellmKey !== undefined) return litellmKey.replace(/^Bearer /, '').trim();
  return bearerKey(headers);
}

/** Static mounts: `/ui` (admin UI, with Starlette's slash redirect) and `/swagger/*` assets. */
function answerStaticMount(req: LiteLLMRequest): Reply | null {
  if (req.pathname === '/ui') return uvicornRaw(307, null, '', { location: `${req.origin}/ui/` });
  if (req.pathname === '/ui/' || req.pathname === '/ui/index.html') return uvicornRaw(200, HTML, UI_HTML);
  if (req.pathname.startsWith('/ui/')) return uvicornRaw(404, 'text/plain; charset=utf-8', 'Not Found');
  if (req.pathname.startsWith('/swagger/')) {
    const asset = SWAGGER_ASSETS[req.pathname.slice('/swagger/'.length)];
    return asset === undefined
      ? uvicornRaw(404, 'text/plain; charset=utf-8', 'Not Found')
      : uvicornRaw(200, asset.contentType, asset.body);
  }
  return null;
}

/** Answers a non-MCP request the way the LiteLLM proxy would. */
export function answerLiteLLM(req: LiteLLMRequest, isValidKey: (key: string) => boolean): Reply {
  const mounted = answerStaticMount(req);
  if (mounted !== null) return mounted;
  const route = ROUTES[req.pathname];
  if (route === undefined) return notFound();
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return uvicornJson(405, { detail: 'Method Not Allowed' }, { allow: 'GET' });
  }
  if (route.access !== 'public') {
    const key = requestKey(req.headers);
    if (key === undefined || key === '') return authError('No api key passed in.');
    // Every valid key of the stand-in is the master key, so `admin` needs nothing more.
    if (!isValidKey(key)) return authError('Invalid proxy server token passed.');
  }
  return route.answer(req);
}
