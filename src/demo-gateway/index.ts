/**
 * The demo gateway: a local stand-in for LiteLLM behind Traefik (issue 4), aggregating real MCP
 * servers over stdio. Nothing imports it but scripts and tests.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDemoFilesystem } from './demo-files.ts';
import { startEmbeddedPostgres } from './embedded-postgres.ts';
import { createFaults, createFaultState, type Faults } from './faults.ts';
import { createKeyRing } from './key-ring.ts';
import { parseDemoGatewayOptions, type DemoGatewayOptions, type ResolvedDemoGatewayOptions } from './options.ts';
import { createRequestHandler } from './request-handler.ts';
import { createUpstreamPool } from './upstream-pool.ts';
import { upstreamSpecs } from './upstream-specs.ts';

export { DemoGatewayOptionsSchema, type DemoGatewayOptions } from './options.ts';
export type { Faults, UpstreamName } from './faults.ts';

/** A running demo gateway. */
export interface DemoGateway {
  /** Base URL without trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  port: number;
  /** Reversible fault switches for tests. */
  faults: Faults;
  /** The folder `mcp_filesystem` serves. */
  filesystemRoot: string;
  /** PIDs of the upstream MCP server processes currently running. */
  upstreamPids(): number[];
  /** Closes sockets and streams and terminates child processes; idempotent. */
  stop(): Promise<void>;
}

function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

/** The password of a database URL, so the log scrubber can remove it too. */
function urlPassword(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    return decodeURIComponent(new URL(url).password) || undefined;
  } catch {
    return undefined;
  }
}

/** The temp folder for mcp_filesystem and the embedded database for mcp_postgres, side by side; all or nothing. */
async function startBackingStores(options: ResolvedDemoGatewayOptions, log: (line: string) => void) {
  const [files, database] = await Promise.allSettled([
    options.filesystemRoot === undefined ? createDemoFilesystem() : null,
    options.embeddedPostgres && options.postgresUrl === undefined ? startEmbeddedPostgres({ log: (line) => log(`[mcp_postgres database] ${line}`) }) : null,
  ]);
  if (files.status === 'fulfilled' && database.status === 'fulfilled') return { demoFs: files.value, embeddedDb: database.value };
  await Promise.all([files.status === 'fulfilled' ? files.value?.remove() : null, database.status === 'fulfilled' ? database.value?.stop() : null]);
  throw files.status === 'rejected' ? files.reason : (database as PromiseRejectedResult).reason;
}

/** Starts the demo gateway and its upstream MCP servers; resolves once it accepts connections. */
export async function startDemoGateway(input: DemoGatewayOptions): Promise<DemoGateway> {
  const options = parseDemoGatewayOptions(input);
  const keyRing = createKeyRing(options.masterKey);
  const password = urlPassword(options.postgresUrl);
  if (password !== undefined) keyRing.addSecret(password);
  const log = (line: string): void => options.logger?.(keyRing.redact(line));
  const faultState = createFaultState();
  const { demoFs, embeddedDb } = await startBackingStores(options, log);
  const filesystemRoot = options.filesystemRoot ?? demoFs?.root ?? '';
  const pool = createUpstreamPool({
    specs: upstreamSpecs({ filesystemRoot, postgresUrl: options.postgresUrl ?? embeddedDb?.url }),
    isUnreachable: (name) => faultState.unreachable.has(name),
    log,
    timeoutMs: options.upstreamTimeoutMs,
  });
  const server = createServer(
    createRequestHandler({ pool, keyRing, faults: faultState, pingIntervalMs: options.pingIntervalMs, pageSize: options.toolsPageSize, log }),
  );
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Open SSE streams would keep close() waiting for ever.
      server.closeAllConnections();
      await Promise.all([closed, pool.stop()]);
      await Promise.all([demoFs?.remove(), embeddedDb?.stop()]);
    })();
    return stopping;
  };
  try {
    await pool.start();
    const address = await listen(server, options.host, options.port);
    const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return {
      url: `http://${hostForUrl}:${address.port}`,
      port: address.port,
      faults: createFaults(faultState, keyRing.rotate),
      filesystemRoot,
      upstreamPids: () => pool.pids(),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
