/**
 * The embedded PostgreSQL behind `mcp_postgres`, run as a child process of the demo gateway: PGlite
 * (PostgreSQL compiled to WebAssembly) in memory, served on the PostgreSQL wire protocol by
 * @electric-sql/pglite-socket on 127.0.0.1 and a free port. It runs as any user, root included, and
 * leaves nothing on disk but the snapshot cache. Prints one line, the database URL, once it accepts
 * connections; diagnostics go to stderr. Exits when its stdin closes (the gateway is gone) or on
 * SIGINT/SIGTERM. `--snapshot FILE` moves the snapshot cache (tests).
 */
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { readSnapshot, snapshotPath, writeSnapshot } from './pglite-snapshot.ts';

/** The demo table, the same one `.ci/postgres.sh start` creates, so tests read the same rows from either. */
export const DEMO_SEED_SQL = `CREATE TABLE demo_items (
  id    serial PRIMARY KEY,
  name  text    NOT NULL,
  qty   integer NOT NULL
);
INSERT INTO demo_items (name, qty) VALUES ('apple', 3), ('pear', 5), ('plum', 8);`;

/** server-postgres opens a pool; the socket server queues their queries onto PGlite's single connection. */
const MAX_CONNECTIONS = 8;

const warn = (line: string): void => {
  process.stderr.write(`embedded-postgres: ${line}\n`);
};

let db: PGlite | undefined;
let server: PGLiteSocketServer | undefined;
let snapshotWrite: Promise<void> | undefined;
let closing: Promise<void> | undefined;

/** A seeded database, from the cached snapshot when there is a good one. */
async function openDatabase(cache: string): Promise<PGlite> {
  const snapshot = await readSnapshot(cache).catch((error: unknown) => {
    warn(`snapshot ${cache} unreadable (${String(error)}); running initdb`);
    return null;
  });
  if (snapshot !== null) {
    try {
      return await PGlite.create('memory://', { loadDataDir: snapshot });
    } catch (error) {
      warn(`snapshot ${cache} did not load (${String(error)}); running initdb`);
    }
  }
  const fresh = await PGlite.create('memory://');
  await fresh.exec(DEMO_SEED_SQL);
  // A cache that cannot be written (read-only node_modules) only costs the next start its initdb.
  snapshotWrite = fresh
    .dumpDataDir('gzip')
    .then((dump) => writeSnapshot(cache, dump))
    .catch((error: unknown) => warn(`snapshot not cached: ${String(error)}`));
  await snapshotWrite;
  return fresh;
}

/** Stops serving and exits; safe at any point of start-up (a snapshot write in flight finishes first). */
function close(): Promise<void> {
  closing ??= (async () => {
    await server?.stop();
    await snapshotWrite;
    await db?.close();
    process.exit(0);
  })();
  return closing;
}

async function main(): Promise<void> {
  process.once('SIGINT', () => void close());
  process.once('SIGTERM', () => void close());
  process.stdin.once('end', () => void close());
  process.stdin.resume();
  const { values } = parseArgs({ options: { snapshot: { type: 'string' } }, strict: true });
  db = await openDatabase(values.snapshot ?? snapshotPath(DEMO_SEED_SQL));
  if (closing !== undefined) return;
  server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: MAX_CONNECTIONS });
  server.addEventListener('error', (event) => warn(`socket server: ${String((event as CustomEvent).detail)}`));
  await server.start();
  // pglite-socket ignores the user and password; the URL names the one database PGlite has.
  process.stdout.write(`postgresql://postgres@${server.getServerConn()}/postgres\n`);
}

main().catch((error: unknown) => {
  warn(`failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
