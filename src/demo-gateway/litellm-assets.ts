/**
 * Static content of the LiteLLM stand-in: the OpenAPI document, the Swagger and admin-UI pages
 * and stubs for the vendored Swagger assets. Small on purpose: probes check that these paths
 * answer without a key, not what they render.
 */

/**
 * The LiteLLM version the stand-in reports: the one the parity suite (tests/real-stack/) holds it to, pinned in
 * src/real-stack/requirements.txt (a test keeps the two equal). Runs record it, so /status says which LiteLLM the
 * demo answers like.
 */
export const DEMO_LITELLM_VERSION = '1.108.4';

/** A FastAPI-shaped OpenAPI 3.1 document listing the routes the stand-in serves. */
export const OPENAPI_DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'LiteLLM API',
    description: 'Proxy Server to call 100+ LLMs in the OpenAI format. (Proofbook demo gateway: a local stand-in, not LiteLLM.)',
    version: DEMO_LITELLM_VERSION,
  },
  paths: {
    '/health/liveliness': { get: { tags: ['health'], summary: 'Health Liveliness', operationId: 'health_liveliness_health_liveliness_get' } },
    '/health/readiness': { get: { tags: ['health'], summary: 'Health Readiness', operationId: 'health_readiness_health_readiness_get' } },
    '/v1/models': { get: { tags: ['model management'], summary: 'Model List', operationId: 'model_list_v1_models_get' } },
    '/schedule/model_cost_map_reload/status': {
      get: { tags: ['model management'], summary: 'Get Model Cost Map Reload Status', operationId: 'get_model_cost_map_reload_status' },
    },
    // The MCP sub-app is mounted lazily; real LiteLLM only shows a stub for it (reference §1.1).
    '/mcp': { get: { tags: ['mcp'], summary: 'MCP (mounted sub-app)', operationId: 'mcp_stub' } },
  },
} as const;

/** The Swagger UI page FastAPI renders (LiteLLM points it at its vendored `/swagger/` assets). */
export const SWAGGER_HTML = `<!DOCTYPE html>
<html>
<head>
<link type="text/css" rel="stylesheet" href="/swagger/swagger-ui.css">
<link rel="shortcut icon" href="/swagger/favicon.png">
<title>LiteLLM API - Swagger UI</title>
</head>
<body>
<div id="swagger-ui"></div>
<script src="/swagger/swagger-ui-bundle.js"></script>
<script>const ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui' })</script>
</body>
</html>
`;

/** The admin UI's entry page (real LiteLLM serves a Next.js static export here). */
export const UI_HTML = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>LiteLLM Dashboard</title></head>
<body><main><h1>LiteLLM Dashboard</h1><p>Proofbook demo gateway: a stand-in for the LiteLLM admin UI.</p></main></body>
</html>
`;

/** A 1×1 transparent PNG, standing in for LiteLLM's favicon and logo. */
const PIXEL_PNG = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64'),
);

/** Files under `/swagger/` with the content types Starlette's StaticFiles would send. */
export const SWAGGER_ASSETS: Record<string, { contentType: string; body: string | Uint8Array }> = {
  'swagger-ui-bundle.js': { contentType: 'text/javascript; charset=utf-8', body: '/* demo gateway: Swagger UI bundle stub */\nwindow.SwaggerUIBundle = function () {};\n' },
  'swagger-ui.css': { contentType: 'text/css; charset=utf-8', body: '/* demo gateway: Swagger UI stylesheet stub */\n' },
  'custom.css': { contentType: 'text/css; charset=utf-8', body: '/* demo gateway: LiteLLM custom stylesheet stub */\n' },
  'favicon.png': { contentType: 'image/png', body: PIXEL_PNG },
  'logo.png': { contentType: 'image/png', body: PIXEL_PNG },
};
