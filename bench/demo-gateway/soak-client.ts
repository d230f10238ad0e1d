// The soak's client side: starts `soak-gateway.ts` in its own process, drives MCP exchanges (initialize →
// notifications/initialized → tools/list) over real HTTP on loopback with undici, and samples the gateway's heap
// after GC between batches. Used by `soak.ts` (bench:soak) and tests/demo-gateway/memory-soak.test.ts.
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createParser } from 'eventsource-parser';
import { Agent, request, type Dispatcher } from 'undici';
import type { SoakGatewayMessage } from './soak-gateway.ts';

/** Every read is bounded: a reply larger than this, or slower than the timeout, fails the soak. */
const MAX_REPLY_BYTES = 1024 * 1024;
const REQUEST_TIMEOUT_MS = 15_000;
const START_TIMEOUT_MS = 90_000;
const PROTOCOL_VERSION = '2025-11-25';

/** A gateway process under soak. */
export interface SoakGateway {
  url: string;
  key: string;
  /** The gateway's heap after two full GCs, in bytes. */
  heapAfterGc(): Promise<{ heapUsed: number; rss: number }>;
  stop(): Promise<void>;
}

function nextMessage<T extends SoakGatewayMessage['type']>(child: ChildProcess, type: T, timeoutMs: number): Promise<Extract<SoakGatewayMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`soak gateway sent no "${type}" within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (message: SoakGatewayMessage): void => {
      if (message.type === type) done(null, message as Extract<SoakGatewayMessage, { type: T }>);
    };
    const onExit = (code: number | null): void => done(new Error(`soak gateway exited (${code}) before sending "${type}"`));
    function done(error: Error | null, message?: Extract<SoakGatewayMessage, { type: T }>): void {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(message!);
    }
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** Starts the gateway process; `withDatabase` adds the embedded PostgreSQL, as `npm start` runs it. */
export async function startSoakGateway(options: { withDatabase: boolean }): Promise<SoakGateway> {
  const key = `sk-soak-${randomBytes(12).toString('hex')}`;
  const script = fileURLToPath(new URL('./soak-gateway.ts', import.meta.url));
  const env = { ...process.env, PROOFBOOK_SOAK_KEY: key, PROOFBOOK_SOAK_NO_DB: options.withDatabase ? '0' : '1' };
  const child = fork(script, [], { execArgv: ['--expose-gc'], env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      if (child.connected) child.disconnect();
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
  };
  try {
    const { url } = await nextMessage(child, 'ready', START_TIMEOUT_MS);
    return {
      url,
      key,
      async heapAfterGc() {
        const reply = nextMessage(child, 'heap', REQUEST_TIMEOUT_MS);
        child.send({ type: 'heap' });
        const { heapUsed, rss } = await reply;
        return { heapUsed, rss };
      },
      stop,
    };
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    throw error;
  }
}

/** Reads a reply body up to MAX_REPLY_BYTES. */
async function boundedText(body: Dispatcher.ResponseData['body']): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_REPLY_BYTES) {
      body.destroy();
      throw new Error(`reply over ${MAX_REPLY_BYTES} bytes`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The JSON-RPC message with `id` from an SSE or JSON reply. */
function rpcResult(contentType: string, text: string, id: number): Record<string, unknown> {
  const messages: Array<{ id?: unknown; result?: Record<string, unknown>; error?: unknown }> = [];
  if (contentType.startsWith('application/json')) messages.push(JSON.parse(text));
  else createParser({ onEvent: (event) => messages.push(JSON.parse(event.data)) }).feed(text);
  const message = messages.find((candidate) => candidate.id === id);
  if (message?.result === undefined) throw new Error(`no result for id ${id}: ${text.slice(0, 200)}`);
  return message.result;
}

/** Runs `count` exchanges at `concurrency` over one keep-alive agent; throws on the first failed exchange. */
export async function runExchanges(gateway: SoakGateway, count: number, concurrency: number, agent: Agent): Promise<void> {
  const url = `${gateway.url}/mcp/`;
  const base = { accept: 'application/json, text/event-stream', 'content-type': 'application/json', authorization: `Bearer ${gateway.key}`, 'x-mcp-servers': 'mcp_postgres,mcp_filesystem' };
  const post = async (body: unknown, headers: Record<string, string> = {}) => {
    const response = await request(url, { method: 'POST', dispatcher: agent, headers: { ...base, ...headers }, body: JSON.stringify(body), headersTimeout: REQUEST_TIMEOUT_MS, bodyTimeout: REQUEST_TIMEOUT_MS });
    return { status: response.statusCode, contentType: String(response.headers['content-type'] ?? ''), text: await boundedText(response.body) };
  };
  const exchange = async (): Promise<void> => {
    const init = await post({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: 'proofbook-soak', version: '0' } } });
    if (init.status !== 200) throw new Error(`initialize: HTTP ${init.status} ${init.text.slice(0, 200)}`);
    const version = String(rpcResult(init.contentType, init.text, 1).protocolVersion ?? PROTOCOL_VERSION);
    const initialized = await post({ jsonrpc: '2.0', method: 'notifications/initialized' }, { 'mcp-protocol-version': version });
    if (initialized.status !== 202) throw new Error(`notifications/initialized: HTTP ${initialized.status}`);
    const list = await post({ jsonrpc: '2.0', id: 2, method: 'tools/list' }, { 'mcp-protocol-version': version });
    const tools = rpcResult(list.contentType, list.text, 2).tools;
    if (!Array.isArray(tools) || tools.length === 0) throw new Error(`tools/list: no tools in ${list.text.slice(0, 200)}`);
  };
  let started = 0;
  const worker = async (): Promise<void> => {
    while (started < count) {
      started++;
      await exchange();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

/** One heap sample of a soak. */
export interface SoakSample {
  exchanges: number;
  heapUsedMb: number;
  rssMb: number;
  /** Exchanges per second over the batch that ended here (0 for the first sample). */
  perSecond: number;
}

/** Runs `exchanges` in batches of `every`, sampling the heap after GC before the first and after each batch. */
export async function soak(gateway: SoakGateway, options: { exchanges: number; every: number; concurrency: number; onSample?: (sample: SoakSample) => void }): Promise<SoakSample[]> {
  const agent = new Agent({ connections: options.concurrency, keepAliveTimeout: 10_000 });
  const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;
  const samples: SoakSample[] = [];
  const sample = async (exchanges: number, perSecond: number): Promise<void> => {
    const heap = await gateway.heapAfterGc();
    const entry = { exchanges, heapUsedMb: mb(heap.heapUsed), rssMb: mb(heap.rss), perSecond: Math.round(perSecond) };
    samples.push(entry);
    options.onSample?.(entry);
  };
  try {
    await sample(0, 0);
    for (let done = 0; done < options.exchanges; ) {
      const batch = Math.min(options.every, options.exchanges - done);
      const start = performance.now();
      await runExchanges(gateway, batch, options.concurrency, agent);
      done += batch;
      await sample(done, batch / ((performance.now() - start) / 1000));
    }
  } finally {
    await agent.close();
  }
  return samples;
}
