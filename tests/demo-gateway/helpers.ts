/**
 * Shared helpers for the demo-gateway scenario tests: a gateway on a free loopback port with a
 * per-run random key, bounded HTTP calls, an SSE parser and an MCP SDK client factory.
 */
import { randomBytes } from 'node:crypto';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { startDemoGateway, type DemoGateway, type DemoGatewayOptions } from '../../src/demo-gateway/index.ts';

/** Every network operation in these tests is bounded by this. */
export const NET_TIMEOUT_MS = 10_000;

/** A fresh key per call, so no test depends on a fixed secret. */
export const newKey = (): string => `sk-test-${randomBytes(12).toString('hex')}`;

/** A started gateway plus every log line it wrote. */
export interface TestGateway {
  gateway: DemoGateway;
  key: string;
  logs: string[];
}

/** Starts a gateway for a test file; stop it in afterAll. */
export async function startTestGateway(options: Partial<DemoGatewayOptions> = {}): Promise<TestGateway> {
  const key = newKey();
  const logs: string[] = [];
  const gateway = await startDemoGateway({ masterKey: key, logger: (line) => logs.push(line), ...options });
  return { gateway, key, logs };
}

/** A bounded fetch that never follows redirects, returning status, headers and body text. */
export async function call(url: string, init: RequestInit = {}): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(NET_TIMEOUT_MS), ...init });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** Headers a Streamable HTTP client sends on POST. */
export function mcpHeaders(key: string | null, extra: Record<string, string> = {}): Record<string, string> {
  return {
    accept: 'application/json, text/event-stream',
    'content-type': 'application/json',
    ...(key === null ? {} : { authorization: `Bearer ${key}` }),
    ...extra,
  };
}

/** POSTs one JSON-RPC request. */
export function mcpPost(url: string, key: string | null, body: unknown, extra: Record<string, string> = {}) {
  return call(url, { method: 'POST', headers: mcpHeaders(key, extra), body: JSON.stringify(body) });
}

/** Parses a complete SSE body into its events (comments are dropped by the parser). */
export function parseSse(text: string): EventSourceMessage[] {
  const events: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (event) => events.push(event) });
  parser.feed(text);
  return events;
}

/** The JSON-RPC result of a single-message SSE response. */
export function sseResult(text: string): Record<string, unknown> {
  const [event] = parseSse(text);
  if (event === undefined) throw new Error(`no SSE event in: ${text.slice(0, 200)}`);
  return JSON.parse(event.data).result as Record<string, unknown>;
}

/** A connected official MCP SDK client; close it when done. */
export async function connectSdkClient(url: string, headers: Record<string, string>): Promise<Client> {
  const client = new Client({ name: 'proofbook-test', version: '0.0.0' });
  const transport = new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } });
  await client.connect(transport, { timeout: NET_TIMEOUT_MS });
  return client;
}
