// curl POSTs that never get an HTTP answer: refused port, self-signed TLS, a host name that does not resolve
// inside the loopback-only namespace, and a listener that never answers (curl's own --max-time ends it).
import { makeCapture, type CaptureContext } from './corpus-writer.ts';
import { ACCEPT_BOTH, curlPost, curlShows, toolsList } from './curl-commands.ts';
import { PORTS, UNRESOLVABLE_HOST } from './ports.ts';
import type { ToolRun } from './process.ts';
import { text } from './read-output.ts';

const FAMILY = 'curl-network';

type NetworkClass = 'tcp_refused' | 'tls' | 'dns' | 'timeout';

/** One failing POST: curl's exit code and stderr message decide, since no HTTP response exists. */
async function failing(ctx: CaptureContext, name: string, url: string, code: number, failureClass: NetworkClass, maxTimeS: number, note: string, why: string): Promise<void> {
  await makeCapture(ctx, FAMILY, {
    name,
    kind: 'curl-transcript',
    tool: 'curl',
    argv: curlPost(url, toolsList(), [ACCEPT_BOTH, `Authorization: Bearer ${ctx.key}`], maxTimeS),
    timeoutMs: (maxTimeS + 10) * 1000,
    checks: ['mcp.tools-list'],
    note,
    shows: (r: ToolRun) => curlShows(r, code) ?? (r.stdout.length === 0 ? undefined : `stdout is not empty: ${text(r.stdout).slice(0, 80)}`),
    expected: { verdict: 'fail', failureClass, decidedBy: 'stderr', why },
  });
}

/** The transport-failure captures. */
export async function captureNetworkCurl(ctx: CaptureContext): Promise<void> {
  await failing(ctx, 'refused', `http://127.0.0.1:${PORTS.closed}/mcp`, 7, 'tcp_refused', 10,
    'curl POST tools/list to a loopback port nothing listens on: `curl: (7) Failed to connect … Connection refused`',
    'curl exited 7 with "Connection refused" on stderr and printed no response: the TCP connection was refused.');
  await failing(ctx, 'tls-self-signed', `https://127.0.0.1:${PORTS.tls}/mcp`, 60, 'tls', 10,
    `curl POST tools/list to nginx ${ctx.servers.nginx} over TLS with a throwaway self-signed certificate: curl refuses to trust it (exit 60)`,
    'curl exited 60 ("SSL certificate problem: self-signed certificate") before any HTTP exchange: a TLS failure.');
  await failing(ctx, 'dns-unresolvable', `http://${UNRESOLVABLE_HOST}/mcp/`, 6, 'dns', 10,
    `curl POST tools/list to ${UNRESOLVABLE_HOST} inside a loopback-only network namespace, where no name resolves: exit 6`,
    'curl exited 6 ("Could not resolve host") and never connected: the failure is name resolution, dns.');
  await failing(ctx, 'timeout-no-answer', `http://127.0.0.1:${PORTS.silent}/mcp`, 28, 'timeout', 3,
    'curl POST tools/list with --max-time 3 to a listener that accepts the connection and never answers',
    'curl exited 28 after its 3 s limit with 0 bytes received: no status line or body ever arrived, so this is a real timeout, not a stream cut by its own window.');
}
