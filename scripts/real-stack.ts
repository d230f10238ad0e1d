// `npm run real-stack [-- --check] [--origin ci] [--only id…] [--evaluation-dir DIR] [--concurrency N]`: the real LiteLLM proxy behind the
// real Traefik on loopback (issue 26). Without --check it stays up until Ctrl-C; with it, it runs the probe suite as
// the `real-stack` environment, stops everything and exits with the probe's code (2 when the stack cannot start).
import { parseArgs } from 'node:util';
import { loadProjectConfig } from '../src/config/load.ts';
import { runSession } from '../src/real-stack/session.ts';

const { values } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    origin: { type: 'string', default: process.env.PROOFBOOK_ORIGIN ?? (process.env.CI ? 'ci' : 'local') },
    only: { type: 'string', multiple: true },
    'evaluation-dir': { type: 'string' },
    // LiteLLM 1.108 starts a stdio MCP server for each request it serves: three probes at once on a loaded machine
    // pushed mcp.server-filesystem past its 20 s deadline (26 checks: 92 s, one timeout; one at a time: 121 s, none).
    concurrency: { type: 'string', default: '1' },
  },
});
const root = process.cwd();
const probeArgs = [
  ...(values.only ?? []).flatMap((id) => ['--only', id]),
  ...(values['evaluation-dir'] ? ['--evaluation-dir', values['evaluation-dir']] : []),
  ...(values.concurrency ? ['--concurrency', values.concurrency] : []),
];
try {
  const { gateway } = await loadProjectConfig(root);
  process.exitCode = await runSession({ root, gateway, check: values.check, origin: values.origin, env: process.env, probeArgs });
} catch (error) {
  process.stderr.write(`real-stack: ${(error as Error).message}\n`);
  process.exitCode = 2;
}
