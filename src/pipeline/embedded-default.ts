import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { StageCommand } from './run-command.ts';

/** Env var NAMES the gateway definition uses for the demo environment (content/gateway.yaml). */
export const DEMO_KEY_ENV = 'LITELLM_API_KEY';
export const DEMO_ADMIN_KEY_ENV = 'LITELLM_MASTER_KEY';

/**
 * The key the demo gateway accepts: the user's own LITELLM_API_KEY when set (so they can try client snippets with a
 * key they know), otherwise a fresh random one that lives only in this process tree and is never printed.
 */
export function demoKey(env: NodeJS.ProcessEnv): string {
  return env[DEMO_KEY_ENV] || `sk-demo-${randomBytes(16).toString('hex')}`;
}

/** Env var NAME of a PostgreSQL URL for the demo gateway's `mcp_postgres`; unset, an embedded PGlite serves it. */
export const DEMO_POSTGRES_URL_ENV = 'PROOFBOOK_DEMO_POSTGRES_URL';

/**
 * How `npm start` runs the demo gateway: pings every second (the demo environment's SSE window in
 * content/checks/sse.yaml), and `mcp_postgres` on the user's database when they name one, else on an embedded one.
 */
export function demoGatewayOptions(env: NodeJS.ProcessEnv, masterKey: string) {
  const postgresUrl = env[DEMO_POSTGRES_URL_ENV] || undefined;
  return { masterKey, pingIntervalMs: 1000, embeddedPostgres: postgresUrl === undefined, ...(postgresUrl === undefined ? {} : { postgresUrl }) };
}

/** Astro's CLI entry, found the way Node finds packages: in the nearest node_modules up from `root`. */
export function astroBin(root: string): string {
  for (let dir = path.resolve(root); ; dir = path.dirname(dir)) {
    const bin = path.join(dir, 'node_modules/astro/bin/astro.mjs');
    if (existsSync(bin)) return bin;
    if (path.dirname(dir) === dir) throw new Error(`astro is not installed under ${root} or above it: run npm install`);
  }
}

/** What the main job needs to know to run its stages. */
export interface PipelineOptions {
  root: string;
  baseUrl: string;
  origin: string;
  /** Astro config file to build with, when not the default `astro.config.mjs`. */
  astroConfig?: string;
}

/** The stages of the main job against a gateway at `baseUrl`, in order. A failing check or block (exit 1) is evidence. */
export function pipelineStages({ root, baseUrl, origin, astroConfig }: PipelineOptions): StageCommand[] {
  const config = astroConfig ? ['--config', astroConfig] : [];
  return [
    { name: 'probe', args: ['scripts/probe.ts', '--env', 'demo', '--base-url', baseUrl, '--origin', origin], okCodes: [0, 1] },
    // The runbooks' own run=ci blocks, against the same gateway; a failing block is evidence like a failing check.
    { name: 'runbooks', args: ['scripts/runbooks.ts', '--env', 'demo', '--base-url', baseUrl, '--origin', origin], okCodes: [0, 1] },
    { name: 'ingest', args: ['scripts/ingest.ts'] },
    { name: 'build', args: [astroBin(root), 'build', ...config] },
  ];
}

/** The command that serves the built site on loopback. */
export function previewCommand(root: string, port: string, astroConfig?: string): string[] {
  const config = astroConfig ? ['--config', astroConfig] : [];
  return [astroBin(root), 'preview', '--host', '127.0.0.1', '--port', port, ...config];
}
