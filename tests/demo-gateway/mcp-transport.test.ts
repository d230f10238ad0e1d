/**
 * The MCP endpoint's HTTP surface: LiteLLM's auth answers, the SDK's own 400/405/406/415, SSE
 * framing, version negotiation, and the GET stream that only ever pings.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { call, mcpPost, NET_TIMEOUT_MS, parseSse, startTestGateway, type TestGateway } from './helpers.ts';

const PING_MS = 100;
let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({ pingIntervalMs: PING_MS });
});
afterAll(async () => {
  await t.gateway.stop();
});

const listTools = { jsonrpc: '2.0', id: 1, method: 'tools/list' };

describe('auth on MCP paths', () => {
  test('a wrong key → 401 with LiteLLM\'s MCP detail, never echoing the key', async () => {
    const response = await mcpPost(`${t.gateway.url}/mcp`, 'sk-wrong-mcp-key', listTools);
    expect([response.status, response.text]).toEqual([401, '{"detail":"Authentication Error, Invalid proxy server token passed."}']);
  });

  test('x-litellm-api-key wins over Authorization, as in LiteLLM', async () => {
    const response = await mcpPost(`${t.gateway.url}/mcp`, 'sk-placeholder', listTools, { 'x-litellm-api-key': `Bearer ${t.key}` });
    expect(response.status).toBe(200);
  });
});

describe('SDK transport errors', () => {
  test.each([
    ['POST without text/event-stream in Accept', 'POST', { accept: 'application/json', 'content-type': 'application/json' }, JSON.stringify(listTools), 406,
      '{"jsonrpc":"2.0","error":{"code":-32000,"message":"Not Acceptable: Client must accept both application/json and text/event-stream"},"id":null}'],
    ['POST with a non-JSON content type', 'POST', { accept: 'application/json, text/event-stream', 'content-type': 'text/plain' }, JSON.stringify(listTools), 415,
      '{"jsonrpc":"2.0","error":{"code":-32000,"message":"Unsupported Media Type: Content-Type must be application/json"},"id":null}'],
    ['POST with broken JSON', 'POST', { accept: 'application/json, text/event-stream', 'content-type': 'application/json' }, '{"jsonrpc":', 400,
      '{"jsonrpc":"2.0","error":{"code":-32700,"message":"Parse error: Invalid JSON"},"id":null}'],
    ['GET without text/event-stream', 'GET', { accept: 'application/json' }, undefined, 406,
      '{"jsonrpc":"2.0","error":{"code":-32000,"message":"Not Acceptable: Client must accept text/event-stream"},"id":null}'],
  ])('%s → %i', async (_label, method, headers, body, status, text) => {
    const response = await call(`${t.gateway.url}/mcp/tools`, { method, headers: { ...headers, authorization: `Bearer ${t.key}` }, body });
    expect([response.status, response.text]).toEqual([status, text]);
    expect(response.headers.get('server')).toBe('uvicorn');
  });

  test('PUT → 405 with the allowed methods', async () => {
    const response = await call(`${t.gateway.url}/mcp/`, { method: 'PUT', headers: { authorization: `Bearer ${t.key}` } });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST, DELETE');
  });

  test('an unsupported mcp-protocol-version header → 400', async () => {
    const response = await mcpPost(`${t.gateway.url}/mcp`, t.key, listTools, { 'mcp-protocol-version': '1999-01-01' });
    expect(response.status).toBe(400);
    expect(response.text).toContain('Unsupported protocol version: 1999-01-01');
  });

  test('DELETE with a stale session id → LiteLLM\'s 200 message', async () => {
    const response = await call(`${t.gateway.url}/mcp`, { method: 'DELETE', headers: { authorization: `Bearer ${t.key}`, 'mcp-session-id': 'stale' } });
    expect([response.status, response.text]).toEqual([200, '{"message":"Session terminated successfully"}']);
  });
});

describe('SSE-framed responses', () => {
  test('tools/list without initialize → one CRLF frame, jsonrpc and id first', async () => {
    const response = await mcpPost(`${t.gateway.url}/mcp`, t.key, listTools);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(response.headers.get('x-accel-buffering')).toBe('no');
    expect(response.headers.get('mcp-session-id')).toBeNull();
    expect(response.text).toMatch(/^event: message\r\ndata: \{"jsonrpc":"2\.0","id":1,"result":\{"_meta":\{"litellm\.ai\/server_outcomes":/);
    expect(response.text.endsWith('}\r\n\r\n')).toBe(true);
  });

  test.each([
    ['2025-06-18', '2025-06-18'],
    ['2024-11-05', '2024-11-05'],
    ['2099-01-01', '2025-11-25'],
  ])('initialize asking %s → negotiated %s', async (asked, negotiated) => {
    const response = await mcpPost(`${t.gateway.url}/mcp/`, t.key, {
      jsonrpc: '2.0', id: 0, method: 'initialize',
      params: { protocolVersion: asked, capabilities: {}, clientInfo: { name: 'test', version: '0' } },
    });
    const result = JSON.parse(parseSse(response.text)[0]?.data ?? '{}').result;
    expect(result.protocolVersion).toBe(negotiated);
    expect(result.capabilities).toHaveProperty('tools');
  });
});

describe('GET event stream', () => {
  test(`sends only ": ping - <timestamp>" comments, every ${PING_MS} ms`, async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), NET_TIMEOUT_MS);
    const started = Date.now();
    const response = await fetch(`${t.gateway.url}/mcp/tools`, {
      headers: { accept: 'text/event-stream', authorization: `Bearer ${t.key}` },
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const windowMs = PING_MS * 6 + PING_MS / 2;
    while (Date.now() - started < windowMs) {
      const chunk = await Promise.race([reader.read(), new Promise<null>((resolve) => setTimeout(() => resolve(null), windowMs))]);
      if (chunk === null || chunk.done) break;
      text += decoder.decode(chunk.value, { stream: true });
    }
    controller.abort();
    clearTimeout(timer);
    const frames = text.split('\r\n\r\n').filter((frame) => frame !== '');
    for (const frame of frames) expect(frame).toMatch(/^: ping - \d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{6})?\+00:00$/);
    // 6 intervals fit in the window; allow one either way for timer jitter on a busy machine.
    expect(frames.length).toBeGreaterThanOrEqual(5);
    expect(frames.length).toBeLessThanOrEqual(7);
    expect(parseSse(text)).toEqual([]);
  });
});
