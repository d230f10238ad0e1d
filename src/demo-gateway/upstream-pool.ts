/**
 * Live MCP client connections to the upstream servers (one child process each). Connections are
 * made at start and re-made lazily after a child exits; `stop` closes them all and the SDK
 * transport terminates each child (SIGTERM, then SIGKILL).
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import { createCachingSchemaValidator } from './schema-validator-cache.ts';
import type { UpstreamSpec } from './upstream-specs.ts';

/** What listing one upstream produced, in the shape of `litellm.ai/server_outcomes`. */
export type ListOutcome = { status: 'ok'; tools: Tool[] } | { status: 'unreachable' };

/** Live connections to every upstream. */
export interface UpstreamPool {
  readonly names: string[];
  start(): Promise<void>;
  listTools(name: string): Promise<ListOutcome>;
  callTool(name: string, tool: string, args: Record<string, unknown> | undefined): Promise<CallToolResult>;
  /** PIDs of the child processes currently running. */
  pids(): number[];
  stop(): Promise<void>;
}

interface PoolOptions {
  specs: UpstreamSpec[];
  isUnreachable: (name: string) => boolean;
  log: (line: string) => void;
  timeoutMs: number;
}

interface Connection {
  client: Client;
  transport: StdioClientTransport;
}

/** Thrown for calls to an upstream that is not configured, not running or switched off. */
export class UpstreamUnreachableError extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new UpstreamUnreachableError(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Spawns one upstream and completes the MCP handshake with it. */
async function connectUpstream(spec: UpstreamSpec, options: PoolOptions, onClose: () => void): Promise<Connection> {
  if (spec.params === null) throw new UpstreamUnreachableError(`${spec.name} is not configured`);
  const transport = new StdioClientTransport({ ...spec.params, stderr: 'pipe' });
  // Upstream stderr is diagnostics; it goes to the (redacting) gateway log, never to a client.
  transport.stderr?.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim() !== '') options.log(`[${spec.name}] ${line}`);
  });
  const client = new Client({ name: 'litellm-demo-gateway', version: '1.0.0' }, { jsonSchemaValidator: createCachingSchemaValidator() });
  client.onclose = onClose;
  try {
    await withTimeout(client.connect(transport), options.timeoutMs, `starting ${spec.name}`);
  } catch (error) {
    await client.close().catch((closeError: unknown) => options.log(`[${spec.name}] close after failed start: ${String(closeError)}`));
    throw error;
  }
  return { client, transport };
}

/** Every tool of one upstream, following its own pagination. */
async function listAllTools(client: Client): Promise<Tool[]> {
  const all: Tool[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.listTools(cursor === undefined ? {} : { cursor });
    all.push(...page.tools);
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return all;
}

/** Creates the pool; nothing is spawned until `start` or the first use. */
export function createUpstreamPool(options: PoolOptions): UpstreamPool {
  const live = new Map<string, Promise<Connection>>();
  const ready = new Map<string, Connection>();
  let stopped = false;

  async function spawn(spec: UpstreamSpec): Promise<Connection> {
    let conn: Connection | undefined;
    conn = await connectUpstream(spec, options, () => {
      // A child that exits is forgotten, so the next request spawns a fresh one.
      if (conn === undefined || ready.get(spec.name) !== conn) return;
      ready.delete(spec.name);
      live.delete(spec.name);
    });
    ready.set(spec.name, conn);
    return conn;
  }

  function connection(name: string): Promise<Connection> {
    if (stopped) return Promise.reject(new UpstreamUnreachableError('the gateway is stopping'));
    const existing = live.get(name);
    if (existing !== undefined) return existing;
    const spec = options.specs.find((candidate) => candidate.name === name);
    if (spec === undefined) return Promise.reject(new UpstreamUnreachableError(`unknown upstream ${name}`));
    const pending = spawn(spec);
    live.set(name, pending);
    // A failed start is forgotten so that the next request tries again.
    pending.catch(() => {
      if (live.get(name) === pending) live.delete(name);
    });
    return pending;
  }

  async function use<T>(name: string, what: string, run: (client: Client) => Promise<T>): Promise<T> {
    if (options.isUnreachable(name)) throw new UpstreamUnreachableError(`${name} is switched off by a fault`);
    const { client } = await connection(name);
    return withTimeout(run(client), options.timeoutMs, `${what} on ${name}`);
  }

  return {
    names: options.specs.map((spec) => spec.name),
    async start() {
      const configured = options.specs.filter((spec) => spec.params !== null);
      const results = await Promise.allSettled(configured.map((spec) => connection(spec.name)));
      results.forEach((result, index) => {
        if (result.status === 'rejected') options.log(`[${configured[index]?.name}] not started: ${String(result.reason)}`);
      });
    },
    async listTools(name) {
      try {
        const tools = await use(name, 'tools/list', listAllTools);
        return { status: 'ok', tools };
      } catch (error) {
        // LiteLLM logs the failure and reports the server as unreachable (reference §1.4).
        options.log(`Error listing tools from ${name}: ${error instanceof Error ? error.message : String(error)}`);
        return { status: 'unreachable' };
      }
    },
    callTool(name, tool, args) {
      return use(name, 'tools/call', async (client) => {
        const result = await client.callTool({ name: tool, arguments: args ?? {} });
        return result as CallToolResult;
      });
    },
    pids() {
      return [...ready.values()].flatMap((conn) => (conn.transport.pid === null ? [] : [conn.transport.pid]));
    },
    async stop() {
      stopped = true;
      const pending = [...live.values()];
      live.clear();
      await Promise.allSettled(pending.map(async (p) => (await p).client.close()));
      ready.clear();
    },
  };
}
