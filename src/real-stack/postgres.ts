/**
 * The real PostgreSQL behind mcp_postgres: a throwaway cluster from `.ci/postgres.sh` (root only, as in CI), or a
 * database the caller names. Without either the real stack does not start, rather than quietly leaving
 * mcp_postgres out.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A database for mcp_postgres and how to let go of it. */
export interface Database {
  url: string;
  /** Stops the cluster when this process started it; a no-op for a database the caller named. */
  stop(): Promise<void>;
}

/** Uses `url` when given, else starts a throwaway cluster as root; throws with the fix otherwise. */
export async function provideDatabase(script: string, url: string | undefined): Promise<Database> {
  if (url) return { url, stop: async () => undefined };
  if (process.getuid?.() !== 0) {
    throw new Error('mcp_postgres needs a real PostgreSQL: run as root (a throwaway cluster is started with .ci/postgres.sh, as in CI) or set PROOFBOOK_REAL_STACK_POSTGRES_URL to a postgresql:// URL');
  }
  let started: { stdout: string; stderr: string };
  try {
    started = await run('bash', [script, 'start'], { timeout: 90_000 });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`.ci/postgres.sh start failed: ${stderr.trim().split('\n').slice(-5).join('\n') || (error as Error).message}`);
  }
  const dataDir = /stop with: .* stop (\S+)/.exec(started.stderr)?.[1];
  const dbUrl = started.stdout.trim().split('\n').pop() ?? '';
  if (!dataDir || !dbUrl.startsWith('postgresql://')) throw new Error(`.ci/postgres.sh start printed no URL or data dir:\n${started.stderr.slice(-500)}`);
  return {
    url: dbUrl,
    stop: async () => {
      await run('bash', [script, 'stop', dataDir], { timeout: 60_000 });
    },
  };
}
