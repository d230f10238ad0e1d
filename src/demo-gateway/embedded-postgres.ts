/**
 * Starts and stops the embedded PostgreSQL (`pglite-server.ts`) that gives `mcp_postgres` a database
 * when no PostgreSQL URL is configured. PGlite rather than PostgreSQL's own binaries: PostgreSQL refuses
 * to run as root, and the choice is measured in bench/README.md ("embedded PostgreSQL").
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A running embedded database. */
export interface EmbeddedPostgres {
  /** `postgresql://postgres@127.0.0.1:<port>/postgres`, with the seeded table `demo_items`. */
  url: string;
  pid: number | undefined;
  /** Ends the child process; idempotent. */
  stop(): Promise<void>;
}

/** PGlite's cold initdb took up to 9.5 s on a busy 2-core machine; the bound leaves room for that. */
export const EMBEDDED_POSTGRES_START_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 5_000;
/** Bounds what is read from the child before its URL line. */
const MAX_URL_LINE_BYTES = 4096;

const serverScript = fileURLToPath(new URL('./pglite-server.ts', import.meta.url));

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Closes its stdin (the child's signal to stop), then SIGTERM, then SIGKILL after a grace period. */
async function terminate(child: ChildProcess): Promise<void> {
  const done = exited(child);
  child.stdin?.end();
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await done;
  clearTimeout(timer);
}

/** Resolves with the first stdout line; rejects on exit, overflow or timeout. */
function firstLine(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => finish(new Error(`no database URL within ${timeoutMs} ms`)), timeoutMs);
    const onData = (chunk: Buffer): void => {
      text += chunk.toString('utf8');
      const newline = text.indexOf('\n');
      if (newline !== -1) finish(text.slice(0, newline).trim());
      else if (text.length > MAX_URL_LINE_BYTES) finish(new Error(`over ${MAX_URL_LINE_BYTES} bytes before the URL line`));
    };
    const onExit = (code: number | null, signal: string | null): void => finish(new Error(`exited (${signal ?? `code ${code}`}) before it was ready`));
    const onError = (error: Error): void => finish(error);
    function finish(result: string | Error): void {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      child.off('error', onError);
      if (result instanceof Error) reject(result);
      else resolve(result);
    }
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
    child.once('error', onError);
  });
}

/** How to start the embedded database. */
export interface EmbeddedPostgresOptions {
  /** Receives the child's stderr, line by line. */
  log: (line: string) => void;
  timeoutMs?: number;
  /** Snapshot cache file; default: under node_modules/.cache (see pglite-snapshot.ts). */
  snapshotFile?: string;
}

/** Starts the embedded database and resolves with its URL once it accepts connections. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const args = options.snapshotFile === undefined ? [] : ['--snapshot', options.snapshotFile];
  const child = spawn(process.execPath, [serverScript, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stderr?.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim() !== '') options.log(line);
  });
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => (stopping ??= terminate(child));
  try {
    const url = await firstLine(child, options.timeoutMs ?? EMBEDDED_POSTGRES_START_TIMEOUT_MS);
    if (!/^postgresql:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/.test(url)) throw new Error(`printed "${url.slice(0, 200)}" instead of its URL`);
    return { url, pid: child.pid, stop };
  } catch (error) {
    await stop();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`the embedded PostgreSQL for mcp_postgres (${serverScript}) did not start: ${reason}; set PROOFBOOK_DEMO_POSTGRES_URL to use a database of your own`);
  }
}
