/** LiteLLM layer behind the Bearer gate: health, models, auth envelope, FastAPI 404. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { call, startTestGateway, type TestGateway } from './helpers.ts';

let t: TestGateway;
const auth = (key: string) => ({ authorization: `Bearer ${key}` });
beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(async () => {
  await t.gateway.stop();
});

describe('public LiteLLM routes (any Bearer value passes Traefik)', () => {
  test.each([['/health/liveliness'], ['/health/liveness']])('%s → the JSON string "I\'m alive!"', async (path) => {
    const response = await call(`${t.gateway.url}${path}`, { headers: auth('sk-anything') });
    expect(response.status).toBe(200);
    expect(response.text).toBe('"I\'m alive!"');
    expect(response.headers.get('server')).toBe('uvicorn');
    expect(response.headers.get('content-type')).toBe('application/json');
  });

  test('/health/readiness → the documented readiness JSON', async () => {
    const response = await call(`${t.gateway.url}/health/readiness`, { headers: auth(t.key) });
    expect(response.status).toBe(200);
    expect(Object.keys(JSON.parse(response.text))).toEqual([
      'status', 'db', 'cache', 'litellm_version', 'success_callbacks', 'use_aiohttp_transport', 'log_level', 'is_detailed_debug',
    ]);
    expect(JSON.parse(response.text)).toMatchObject({ status: 'healthy', db: 'Not connected', cache: null });
  });
});

describe('key-protected routes', () => {
  test.each([['/v1/models'], ['/models']])('%s with the key → model list', async (path) => {
    const response = await call(`${t.gateway.url}${path}`, { headers: auth(t.key) });
    expect(response.status).toBe(200);
    expect(response.text).toBe('{"data":[{"id":"demo-model","object":"model","created":1677610602,"owned_by":"openai"}],"object":"list"}');
  });

  test.each([['/v1/models'], ['/models']])('%s with a wrong key → 401 auth_error envelope', async (path) => {
    const response = await call(`${t.gateway.url}${path}`, { headers: auth('sk-wrong') });
    expect(response.status).toBe(401);
    expect(response.text).toBe(
      '{"error":{"message":"Authentication Error, Invalid proxy server token passed.","type":"auth_error","param":"None","code":"401"}}',
    );
    expect(response.headers.get('server')).toBe('uvicorn');
  });

  test('an unknown route with a valid key → FastAPI 404', async () => {
    const response = await call(`${t.gateway.url}/no/such/route`, { headers: auth(t.key) });
    expect([response.status, response.text]).toEqual([404, '{"detail":"Not Found"}']);
    expect(response.headers.get('server')).toBe('uvicorn');
  });

  test('an unknown route with a wrong key → still 404 (routing runs before auth)', async () => {
    const response = await call(`${t.gateway.url}/no/such/route`, { headers: auth('sk-wrong') });
    expect([response.status, response.text]).toEqual([404, '{"detail":"Not Found"}']);
  });

  test('a wrong method on a known route → 405', async () => {
    const response = await call(`${t.gateway.url}/v1/models`, { method: 'POST', headers: auth(t.key) });
    expect([response.status, response.text]).toEqual([405, '{"detail":"Method Not Allowed"}']);
  });
});

describe('the key in x-litellm-api-key (LiteLLM prefers it over Authorization, as 1.108.4 does)', () => {
  test('a right key there beside a wrong Bearer gets through', async () => {
    const response = await call(`${t.gateway.url}/v1/models`, { headers: { ...auth('sk-wrong'), 'x-litellm-api-key': `Bearer ${t.key}` } });
    expect(response.status).toBe(200);
  });

  test('a wrong key there beside the right Bearer is refused', async () => {
    const response = await call(`${t.gateway.url}/v1/models`, { headers: { ...auth(t.key), 'x-litellm-api-key': 'sk-wrong' } });
    expect(response.status).toBe(401);
  });

  test('alone, without a Bearer, it never passes Traefik', async () => {
    const response = await call(`${t.gateway.url}/v1/models`, { headers: { 'x-litellm-api-key': t.key } });
    expect([response.status, response.text]).toEqual([404, '404 page not found\n']);
  });
});
