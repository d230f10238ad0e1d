/**
 * The I/O edge of the real stack (issue 26): PostgreSQL, the LiteLLM proxy with a generated config.yaml, and Traefik
 * v3 in front with a file-provider config generated from content/gateway.yaml, all on loopback. Generated files and
 * logs live in a private temp dir (0700, files 0600) that `stop()` removes; the master key is passed to the two
 * programs in their environment only.
 */
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { GatewayEnvironment } from '../schemas/gateway.ts';
import { spawnChild, type Child } from './child.ts';
import { installProblem, realStackPaths } from './install-state.ts';
import { LITELLM_OFFLINE_ENV, liteLLMConfig, referenceServers } from './litellm-config.ts';
import { resolvePackageBin } from './package-bin.ts';
import { provideDatabase, type Database } from './postgres.ts';
import { traefikDynamicConfig, traefikStaticConfig } from './traefik-config.ts';
import { fetchJson, liteLLMVersionOf, traefikVersionOf } from './versions.ts';
import { freePort } from '../util/free-port.ts';

/** Options of {@link startRealStack}. */
export interface RealStackOptions {
  /** Checkout root (where .venv, .ci/ and node_modules are). */
  root: string;
  /** The gateway environment the Traefik config is generated from (its host, admin key env var). */
  environment: GatewayEnvironment;
  /** The master key; also the client key (without a database it is the only key LiteLLM accepts). */
  masterKey: string;
  /** A database for mcp_postgres; a throwaway cluster is started (as root) when left out. */
  postgresUrl?: string;
  /** Progress lines (never holding the key). */
  log?: (line: string) => void;
  /** How long LiteLLM may take to answer its liveliness route. */
  startTimeoutMs?: number;
}

/** A running real stack. */
export interface RealStack {
  /** Traefik's entry point: what clients and probes use. */
  url: string;
  /** LiteLLM directly, bypassing Traefik. */
  liteLLMUrl: string;
  /** Traefik's API on its own loopback port (`/api/version`). */
  traefikApiUrl: string;
  versions: { litellm?: string; traefik?: string };
  filesystemRoot: string;
  /** The database mcp_postgres reads (loopback, no password). */
  databaseUrl: string;
  /** Pids of every process the stack runs now (LiteLLM, its MCP servers, Traefik). */
  pids(): number[];
  /** Stops everything and removes the temp dir; rejects naming any process still alive. Idempotent. */
  stop(): Promise<void>;
}

/** Polls `url` until it answers 2xx, the child exits, or the timeout passes. */
async function waitUntilUp(url: string, child: Child, timeoutMs: number, headers: Record<string, string> = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exited()) throw new Error(`${child.name} exited during start-up; its last output:\n${child.tail()}`);
    const ok = await fetch(url, { headers, signal: AbortSignal.timeout(2000) }).then(
      async (response) => (await response.body?.cancel(), response.ok),
      () => false,
    );
    if (ok) return;
    await sleep(250);
  }
  throw new Error(`${child.name} did not answer ${url} within ${timeoutMs} ms; its last output:\n${child.tail()}`);
}

/** The environment the two programs get: nothing inherited but PATH and locale, plus their own settings. */
function scrubbedEnv(home: string, extra: Record<string, string>): Record<string, string> {
  const keep = ['PATH', 'LANG', 'LC_ALL', 'TZ'].flatMap((name) => (process.env[name] ? [[name, process.env[name]!]] : []));
  return { ...Object.fromEntries(keep), HOME: home, ...extra };
}

async function writePrivate(file: string, text: string): Promise<void> {
  await writeFile(file, text, { mode: 0o600 });
}

/** Starts PostgreSQL (when needed), LiteLLM and Traefik; resolves once Traefik routes to a live LiteLLM. */
export async function startRealStack(options: RealStackOptions): Promise<RealStack> {
  const problem = installProblem(options.root);
  if (problem) throw new Error(problem);
  const log = options.log ?? (() => undefined);
  const paths = realStackPaths(options.root);
  const adminKeyEnv = options.environment.adminKeyEnv ?? 'LITELLM_MASTER_KEY';
  const redact = (text: string) => text.split(options.masterKey).join('[REDACTED]');
  const dir = await realpath(await mkdtemp(path.join(os.tmpdir(), 'proofbook-real-stack-')));
  const children: Child[] = [];
  let database: Database | undefined;
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      const left = (await Promise.all([...children].reverse().map((child) => child.stop()))).flat();
      await database?.stop();
      await rm(dir, { recursive: true, force: true });
      if (left.length > 0) throw new Error(`real stack: processes still alive after SIGKILL: ${left.join(', ')}`);
    })();
    return stopping;
  };
  try {
    const filesystemRoot = path.join(dir, 'files');
    await mkdir(path.join(filesystemRoot, 'notes'), { recursive: true });
    await writeFile(path.join(filesystemRoot, 'README.md'), '# Real stack files\n\nServed by @modelcontextprotocol/server-filesystem as mcp_filesystem.\n');
    await writeFile(path.join(filesystemRoot, 'notes', 'hello.txt'), 'hello from the real stack\n');
    log('starting PostgreSQL for mcp_postgres');
    database = await provideDatabase(paths.postgresScript, options.postgresUrl);
    const [litellmPort, webPort, apiPort] = [await freePort(), await freePort(), await freePort()];
    const configFile = path.join(dir, 'litellm-config.yaml');
    await writePrivate(
      configFile,
      liteLLMConfig({
        masterKeyEnv: adminKeyEnv,
        servers: referenceServers({
          node: process.execPath,
          filesystemBin: resolvePackageBin('@modelcontextprotocol/server-filesystem'),
          filesystemRoot,
          postgresBin: resolvePackageBin('@modelcontextprotocol/server-postgres'),
          postgresUrl: database.url,
        }),
      }),
    );
    const keyEnv = { [adminKeyEnv]: options.masterKey };
    log(`starting LiteLLM on 127.0.0.1:${litellmPort}`);
    const litellm = spawnChild({
      name: 'LiteLLM', command: paths.litellm, args: ['--config', configFile, '--host', '127.0.0.1', '--port', String(litellmPort)],
      env: scrubbedEnv(dir, { ...LITELLM_OFFLINE_ENV, ...keyEnv }), cwd: dir, logFile: path.join(dir, 'litellm.log'), redact,
    });
    children.push(litellm);
    const liteLLMUrl = `http://127.0.0.1:${litellmPort}`;
    await waitUntilUp(`${liteLLMUrl}/health/liveliness`, litellm, options.startTimeoutMs ?? 120_000);
    const dynamicFile = path.join(dir, 'traefik-dynamic.yaml');
    await writePrivate(dynamicFile, traefikDynamicConfig({ environment: { ...options.environment, adminKeyEnv }, backendUrl: liteLLMUrl }));
    const staticFile = path.join(dir, 'traefik.yaml');
    await writePrivate(staticFile, traefikStaticConfig({ webAddress: `127.0.0.1:${webPort}`, apiAddress: `127.0.0.1:${apiPort}`, dynamicFile }));
    log(`starting Traefik on 127.0.0.1:${webPort}`);
    const traefik = spawnChild({
      name: 'Traefik', command: paths.traefik, args: [`--configFile=${staticFile}`],
      env: scrubbedEnv(dir, keyEnv), cwd: dir, logFile: path.join(dir, 'traefik.log'), redact,
    });
    children.push(traefik);
    const traefikApiUrl = `http://127.0.0.1:${apiPort}`;
    await waitUntilUp(`${traefikApiUrl}/api/version`, traefik, 30_000);
    const url = `http://127.0.0.1:${webPort}`;
    const auth = { authorization: `Bearer ${options.masterKey}` };
    // Routed through Traefik with the key, so a broken router shows here rather than as a confusing probe result.
    await waitUntilUp(`${url}/health/liveliness`, traefik, 10_000, auth);
    const versions = {
      litellm: liteLLMVersionOf(await fetchJson(`${liteLLMUrl}/health/readiness`)) ?? liteLLMVersionOf(await fetchJson(`${liteLLMUrl}/health/readiness/details`, auth)),
      traefik: traefikVersionOf(await fetchJson(`${traefikApiUrl}/api/version`)),
    };
    return { url, liteLLMUrl, traefikApiUrl, versions, filesystemRoot, databaseUrl: database.url, pids: () => children.flatMap((child) => child.tree()), stop };
  } catch (error) {
    await stop().catch((stopError: Error) => log(stopError.message));
    throw error;
  }
}
