import { execFile } from 'node:child_process';
import { DEMO_GATEWAY_HEADER, type Provenance } from '../schemas/provenance.ts';

/** What a runbook run records about where it ran: the checkout's commit and who answered at the base URL. */

const GIT_TIMEOUT_MS = 5_000;
const PROBE_TIMEOUT_MS = 3_000;

/** `git rev-parse HEAD` in `root`, or undefined outside a checkout (an unpacked tarball, a CI cache). */
export function gitCommit(root: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['rev-parse', 'HEAD'], { cwd: root, timeout: GIT_TIMEOUT_MS }, (error, stdout) => {
      const commit = stdout?.trim() ?? '';
      resolve(!error && /^[0-9a-f]{7,64}$/.test(commit) ? commit : undefined);
    });
  });
}

/**
 * `demo` when the demo gateway answers at `baseUrl` (it names itself in a response header on every answer),
 * else `real`: a block's output is only as real as the gateway that produced it. One bounded GET, no key.
 */
export async function provenanceAt(baseUrl: string): Promise<Provenance> {
  try {
    const response = await fetch(`${baseUrl}/`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS), redirect: 'manual' });
    await response.body?.cancel();
    return response.headers.has(DEMO_GATEWAY_HEADER) ? 'demo' : 'real';
  } catch {
    // An unreachable gateway answered nothing: the blocks' own failures say so, and nothing in them is demo.
    return 'real';
  }
}
