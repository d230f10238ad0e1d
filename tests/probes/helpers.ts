import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CheckSchema } from '../../src/schemas/check.ts';
import type { EvidenceRecord } from '../../src/schemas/evidence.ts';
import { GatewaySchema, type Gateway } from '../../src/schemas/gateway.ts';
import { executeRun } from '../../src/probes/run.ts';

/** A server on 127.0.0.1:0 that tracks its sockets so close() never waits for a stalled client. */
export interface TestServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

async function listen(server: Server, scheme: string): Promise<TestServer> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // TLS servers emit 'secureConnection' too; the raw socket above is what must be destroyed.
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** An HTTP server with the given handler. */
export function startHttp(handler: (req: IncomingMessage, res: ServerResponse, body: string) => void): Promise<TestServer> {
  const server = createHttpServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => handler(req, res, body));
  });
  return listen(server, 'http');
}

/** A TCP server that accepts connections and never says anything. */
export function startSilent(): Promise<TestServer> {
  return listen(createNetServer(() => undefined), 'http');
}

/** An HTTPS server with a self-signed certificate generated now with openssl (no CA trusts it). */
export async function startSelfSignedTls(dir: string): Promise<TestServer> {
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-days', '1', '-keyout', key, '-out', cert], { stdio: 'ignore', timeout: 20_000 });
  const server = createHttpsServer({ key: readFileSync(key), cert: readFileSync(cert) }, (_req, res) => res.end('hello'));
  return listen(server, 'https');
}

/** A port that was free a moment ago and now has nothing listening on it. */
export async function closedPort(): Promise<number> {
  const server = await startSilent();
  await server.close();
  return server.port;
}

export async function tempDir(prefix = 'proofbook-probe-'): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A one-environment gateway definition for tests. */
export function testGateway(baseUrl = 'http://127.0.0.1:9', servers = ['mcp_postgres', 'mcp_filesystem']): Gateway {
  return GatewaySchema.parse({
    schemaVersion: 1,
    name: 'litellm',
    environments: { demo: { label: 'test', baseUrl, keyEnv: 'PB_TEST_KEY', adminKeyEnv: 'PB_TEST_ADMIN_KEY', servers } },
  });
}

/** Probes checks against `baseUrl` without writing anything; resolves to the records in check order. */
export async function probeAll(baseUrl: string, checks: unknown[], env: Record<string, string> = {}, extra: { concurrency?: number; runDeadlineMs?: number } = {}): Promise<EvidenceRecord[]> {
  const { run } = await executeRun({
    gateway: testGateway(baseUrl),
    checks: checks.map((check) => CheckSchema.parse(check)),
    environment: 'demo',
    origin: 'ci',
    env,
    ...extra,
  });
  return run.records;
}

/** Probes one check; see {@link probeAll}. */
export async function probeOne(baseUrl: string, check: unknown, env: Record<string, string> = {}): Promise<EvidenceRecord> {
  const [record] = await probeAll(baseUrl, [check], env);
  return record!;
}

/** An SSE frame as LiteLLM (sse-starlette) writes it. */
export function sseFrame(message: unknown): string {
  return `event: message\r\ndata: ${typeof message === 'string' ? message : JSON.stringify(message)}\r\n\r\n`;
}
