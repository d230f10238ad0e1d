/**
 * Pure argv/env parsing for `scripts/demo-gateway.ts`. The master key only ever comes from the
 * environment or a freshly generated value written to a 0600 file; it is never printed.
 */
import { parseArgs } from 'node:util';

/** Env var holding the master key clients must send as `Authorization: Bearer …`. */
export const MASTER_KEY_ENV = 'PROOFBOOK_DEMO_GATEWAY_KEY';
/** Env var holding the PostgreSQL URL for `mcp_postgres`. */
export const POSTGRES_URL_ENV = 'PROOFBOOK_DEMO_POSTGRES_URL';
/**
 * SSE ping interval of `npm run demo-gateway`, as `npm start` runs it: the demo environment's sse.heartbeat
 * expects it (content/checks/sse.yaml, byEnvironment.demo), so a probe of the demo is not 35 s long. LiteLLM
 * pings every 15 s (`--ping-interval-ms 15000`, and the library default of startDemoGateway).
 */
export const DEMO_PING_INTERVAL_MS = 1000;
/** Where a generated key is written when the env var is unset (git-ignored). */
export const DEFAULT_KEY_FILE = '.tmp/demo-gateway.key';

/** What the CLI was asked to do. */
export interface GatewayCliConfig {
  host: string;
  port: number;
  pingIntervalMs: number;
  postgresUrl: string | undefined;
  filesystemRoot: string | undefined;
  /** The key from the environment, or null when one must be generated into `keyFile`. */
  masterKey: string | null;
  keyFile: string;
  quiet: boolean;
}

export const CLI_USAGE = `Usage: node scripts/demo-gateway.ts [--host 127.0.0.1] [--port 0] [--ping-interval-ms ${DEMO_PING_INTERVAL_MS}]
                                  [--postgres-url URL] [--filesystem-root DIR] [--key-file ${DEFAULT_KEY_FILE}] [--quiet]
Prints the gateway URL on stdout; the access log goes to stderr unless --quiet.
SSE pings every ${DEMO_PING_INTERVAL_MS} ms, what the demo environment's sse.heartbeat expects; LiteLLM's own interval is 15000.
Master key: env ${MASTER_KEY_ENV}; if unset, a key is generated and written to --key-file (mode 0600).
PostgreSQL for mcp_postgres: --postgres-url or env ${POSTGRES_URL_ENV}; without either, an embedded one (PGlite, in memory).`;

function toInteger(raw: string | undefined, flag: string, min: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${flag}: expected an integer >= ${min}, received "${raw}"`);
  return value;
}

/** Parses argv (without node and script) and the environment. Throws with the flag and the fix. */
export function parseGatewayCliArgs(argv: string[], env: NodeJS.ProcessEnv): GatewayCliConfig {
  const { values } = parseArgs({
    args: argv,
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '0' },
      'ping-interval-ms': { type: 'string' },
      'postgres-url': { type: 'string' },
      'filesystem-root': { type: 'string' },
      'key-file': { type: 'string', default: DEFAULT_KEY_FILE },
      quiet: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const envKey = env[MASTER_KEY_ENV];
  return {
    host: values.host,
    port: toInteger(values.port, '--port', 0) ?? 0,
    pingIntervalMs: toInteger(values['ping-interval-ms'], '--ping-interval-ms', 1) ?? DEMO_PING_INTERVAL_MS,
    postgresUrl: values['postgres-url'] ?? (env[POSTGRES_URL_ENV] || undefined),
    filesystemRoot: values['filesystem-root'],
    masterKey: envKey !== undefined && envKey !== '' ? envKey : null,
    keyFile: values['key-file'],
    quiet: values.quiet,
  };
}
