/** Traefik layer: open paths, the Bearer gate's exact 404, and the status route's injected admin key. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { call, startTestGateway, type TestGateway } from './helpers.ts';

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(async () => {
  await t.gateway.stop();
});

describe('open paths answer without a key', () => {
  test('/ui redirects to /ui/ and /ui/ serves HTML', async () => {
    const redirect = await call(`${t.gateway.url}/ui`);
    expect(redirect.status).toBe(307);
    expect(redirect.headers.get('location')).toBe(`${t.gateway.url}/ui/`);
    const page = await call(`${t.gateway.url}/ui/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.text).toContain('<title>LiteLLM Dashboard</title>');
  });

  test.each([
    ['/swagger/swagger-ui-bundle.js', 'text/javascript; charset=utf-8'],
    ['/swagger/custom.css', 'text/css; charset=utf-8'],
    ['/swagger/favicon.png', 'image/png'],
    ['/docs', 'text/html; charset=utf-8'],
    ['/openapi.json', 'application/json'],
  ])('%s → 200 %s', async (path, contentType) => {
    const response = await call(`${t.gateway.url}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(contentType);
    expect(response.headers.get('server')).toBe('uvicorn');
  });

  test('/openapi.json is a FastAPI-like OpenAPI document', async () => {
    const doc = JSON.parse((await call(`${t.gateway.url}/openapi.json`)).text);
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/health/liveliness');
  });

  test('PathPrefix matches /uix too, and LiteLLM then answers its own 404', async () => {
    const response = await call(`${t.gateway.url}/uix`);
    expect(response.status).toBe(404);
    expect(response.text).toBe('{"detail":"Not Found"}');
  });
});

describe('every other path without "Authorization: Bearer …" gets Traefik\'s 404', () => {
  test.each([
    ['/v1/models', {}],
    ['/health/liveliness', {}],
    ['/mcp', {}],
    ['/mcp/', {}],
    ['/mcp_filesystem/mcp', {}],
    ['/', {}],
    ['/v1/models', { authorization: 'Basic dXNlcjpwYXNz' }],
    ['/v1/models', { authorization: 'Bearer ' }],
    ['/v1/models', { authorization: 'bearer sk-lowercase-scheme' }],
    ['/v1/models', { 'x-litellm-api-key': 'Bearer sk-right-header-wrong-router' }],
  ])('%s with headers %j', async (path, headers) => {
    const response = await call(`${t.gateway.url}${path}`, { headers });
    expect(response.status).toBe(404);
    expect(response.text).toBe('404 page not found\n');
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('server')).toBeNull();
  });

  test('POST to /mcp without a key is refused the same way', async () => {
    const response = await call(`${t.gateway.url}/mcp`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect([response.status, response.text]).toEqual([404, '404 page not found\n']);
  });
});

describe('the status route gets the admin key from the middleware', () => {
  test.each([
    ['no Authorization', {}],
    ['a wrong key (replaced by the middleware)', { authorization: 'Bearer sk-wrong' }],
  ])('with %s → 200 status JSON', async (_label, headers) => {
    const response = await call(`${t.gateway.url}/schedule/model_cost_map_reload/status`, { headers });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.text).toBe('{"scheduled":false,"interval_hours":null,"last_run":null,"next_run":null}');
  });
});
