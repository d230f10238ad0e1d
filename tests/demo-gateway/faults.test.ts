/** Fault switches: each one breaks the documented behaviour in a known way and heals when reset. */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { call, connectSdkClient, mcpPost, NET_TIMEOUT_MS, sseResult, startTestGateway, type TestGateway } from './helpers.ts';

let t: TestGateway;
let key: string;
beforeAll(async () => {
  t = await startTestGateway();
  key = t.key;
});
afterEach(() => {
  const faults = t.gateway.faults;
  faults.setUpstreamUnreachable('mcp_filesystem', false);
  faults.setLatency(0);
  faults.setCutStreams(false);
  faults.setServerError(null);
});
afterAll(async () => {
  await t.gateway.stop();
});

const listTools = { jsonrpc: '2.0', id: 1, method: 'tools/list' };
const outcomesOf = async () => {
  const result = sseResult((await mcpPost(`${t.gateway.url}/mcp`, key, listTools)).text) as { _meta: Record<string, unknown>; tools: unknown[] };
  return { outcomes: result._meta['litellm.ai/server_outcomes'], toolCount: result.tools.length };
};

describe('setUpstreamUnreachable', () => {
  test('reports the server unreachable with no tools, fails its calls, and heals', async () => {
    t.gateway.faults.setUpstreamUnreachable('mcp_filesystem', true);
    expect(await outcomesOf()).toEqual({
      outcomes: { mcp_postgres: { status: 'unreachable' }, mcp_filesystem: { status: 'unreachable' } },
      toolCount: 0,
    });
    const callResult = await mcpPost(`${t.gateway.url}/mcp`, key, {
      jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'mcp_filesystem-list_allowed_directories', arguments: {} },
    });
    expect(sseResult(callResult.text)).toMatchObject({ isError: true });
    t.gateway.faults.setUpstreamUnreachable('mcp_filesystem', false);
    const healed = await outcomesOf();
    expect(healed.outcomes).toMatchObject({ mcp_filesystem: { status: 'ok' } });
    expect(healed.toolCount).toBeGreaterThan(0);
  });
});

describe('setLatency', () => {
  test('delays every response, including Traefik\'s own 404, and can be removed', async () => {
    t.gateway.faults.setLatency(300);
    for (const init of [{ headers: { authorization: `Bearer ${key}` } }, {}]) {
      const started = performance.now();
      await call(`${t.gateway.url}/v1/models`, init);
      expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    }
    t.gateway.faults.setLatency(0);
    const started = performance.now();
    await call(`${t.gateway.url}/v1/models`, { headers: { authorization: `Bearer ${key}` } });
    expect(performance.now() - started).toBeLessThan(250);
  });

  test('rejects a negative delay', () => {
    expect(() => t.gateway.faults.setLatency(-1)).toThrowErrorMatchingInlineSnapshot(
      `[Error: demo gateway → faults.setLatency(ms): expected milliseconds >= 0, received -1; pass 0 to remove the delay]`,
    );
  });
});

describe('setCutStreams', () => {
  test('cuts the SSE message mid-line and drops the connection', async () => {
    t.gateway.faults.setCutStreams(true);
    const response = await fetch(`${t.gateway.url}/mcp`, {
      method: 'POST',
      headers: { accept: 'application/json, text/event-stream', 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify(listTools),
      signal: AbortSignal.timeout(NET_TIMEOUT_MS),
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let received = '';
    let failure: unknown = null;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        received += decoder.decode(value, { stream: true });
      }
    } catch (error) {
      failure = error;
    }
    expect(failure).not.toBeNull();
    expect(received).toMatch(/^event: message\r\ndata: \{"jsonrpc":"2\.0","id":1,/);
    expect(received.endsWith('\r\n\r\n')).toBe(false);
  });

  test('makes the SDK client\'s tools/list fail, and heals', async () => {
    const client = await connectSdkClient(`${t.gateway.url}/mcp`, { authorization: `Bearer ${key}` });
    try {
      t.gateway.faults.setCutStreams(true);
      await expect(client.listTools(undefined, { timeout: 3_000 })).rejects.toThrow();
      t.gateway.faults.setCutStreams(false);
      expect((await client.listTools()).tools.length).toBeGreaterThan(0);
    } finally {
      await client.close();
    }
  });
});

describe('rotateKey', () => {
  test('the old key stops working at once and the new one works', async () => {
    const oldKey = key;
    const newKey = `${oldKey}-rotated`;
    t.gateway.faults.rotateKey(newKey);
    key = newKey;
    const refused = await call(`${t.gateway.url}/v1/models`, { headers: { authorization: `Bearer ${oldKey}` } });
    expect(refused.status).toBe(401);
    expect((await mcpPost(`${t.gateway.url}/mcp`, oldKey, listTools)).status).toBe(401);
    expect((await call(`${t.gateway.url}/v1/models`, { headers: { authorization: `Bearer ${newKey}` } })).status).toBe(200);
    expect((await mcpPost(`${t.gateway.url}/mcp`, newKey, listTools)).status).toBe(200);
    // The middleware injects the current admin key, so the status route keeps working.
    expect((await call(`${t.gateway.url}/schedule/model_cost_map_reload/status`)).status).toBe(200);
  });
});

describe('setServerError', () => {
  test.each([
    [502, 'Bad Gateway', null],
    [503, 'no available server\n', 'nosniff'],
    [504, 'Gateway Timeout', null],
    [500, 'Internal Server Error', null],
  ] as const)('%i → Traefik body %j on routed non-open paths only', async (status, body, nosniff) => {
    t.gateway.faults.setServerError(status);
    for (const [path, headers] of [
      ['/v1/models', { authorization: `Bearer ${key}` }],
      ['/mcp', { authorization: `Bearer ${key}` }],
      ['/schedule/model_cost_map_reload/status', {}],
    ] as const) {
      const response = await call(`${t.gateway.url}${path}`, { headers });
      expect([response.status, response.text]).toEqual([status, body]);
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(response.headers.get('x-content-type-options')).toBe(nosniff);
      expect(response.headers.get('server')).toBeNull();
    }
    expect((await call(`${t.gateway.url}/openapi.json`)).status).toBe(200);
    expect((await call(`${t.gateway.url}/v1/models`)).text).toBe('404 page not found\n');
    t.gateway.faults.setServerError(null);
    expect((await call(`${t.gateway.url}/v1/models`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
  });

  test('rejects a status Traefik does not produce', () => {
    expect(() => t.gateway.faults.setServerError(418)).toThrowErrorMatchingInlineSnapshot(
      `[Error: demo gateway → faults.setServerError(status): 418 is not a status Traefik produces; use one of 500, 502, 503, 504 or null to heal]`,
    );
  });
});
