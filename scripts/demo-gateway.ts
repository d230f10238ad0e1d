/**
 * Runs the demo gateway (LiteLLM + Traefik stand-in) until SIGINT/SIGTERM.
 * `node scripts/demo-gateway.ts --help` for flags; prints the URL on stdout.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { explainArgsError } from '../src/cli/command.ts';
import { CLI_USAGE, DEMO_PING_INTERVAL_MS, MASTER_KEY_ENV, parseGatewayCliArgs } from '../src/demo-gateway/cli-args.ts';
import { startDemoGateway } from '../src/demo-gateway/index.ts';

const argv = process.argv.slice(2);
const EXAMPLES = '\nexamples:\n  npm run demo-gateway\n  npm run demo-gateway -- --port 4000 --ping-interval-ms 1000';
if (argv.includes('--help') || argv.includes('-h')) {
  console.log(`${CLI_USAGE}${EXAMPLES}`);
  process.exit(0);
}

let config;
try {
  config = parseGatewayCliArgs(argv, process.env);
} catch (error) {
  const flags = [...CLI_USAGE.matchAll(/--[a-z-]+/g)].map((match) => match[0]);
  console.error(`demo-gateway: ${explainArgsError(error instanceof Error ? error.message : String(error), flags)}\n${CLI_USAGE}${EXAMPLES}`);
  process.exit(2);
}

let masterKey = config.masterKey;
if (masterKey === null) {
  masterKey = `sk-demo-${randomBytes(24).toString('hex')}`;
  await mkdir(path.dirname(config.keyFile), { recursive: true });
  await writeFile(config.keyFile, `${masterKey}\n`, { mode: 0o600 });
  console.error(`demo-gateway: ${MASTER_KEY_ENV} unset; generated a master key into ${config.keyFile}`);
}

const gateway = await startDemoGateway({
  host: config.host,
  port: config.port,
  masterKey,
  pingIntervalMs: config.pingIntervalMs,
  ...(config.postgresUrl === undefined ? { embeddedPostgres: true } : { postgresUrl: config.postgresUrl }),
  ...(config.filesystemRoot === undefined ? {} : { filesystemRoot: config.filesystemRoot }),
  logger: config.quiet ? undefined : (line) => console.error(line),
});
console.log(gateway.url);
console.error(`demo-gateway: SSE pings every ${config.pingIntervalMs} ms (the demo environment's sse.heartbeat expects ${DEMO_PING_INTERVAL_MS}; LiteLLM pings every 15000)`);
if (config.postgresUrl === undefined) console.error('demo-gateway: mcp_postgres runs on an embedded PostgreSQL (PGlite, in memory, table demo_items)');

let exiting = false;
const shutdown = (signal: string): void => {
  if (exiting) return;
  exiting = true;
  console.error(`demo-gateway: ${signal}, stopping`);
  gateway.stop().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(`demo-gateway: stop failed: ${String(error)}`);
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
