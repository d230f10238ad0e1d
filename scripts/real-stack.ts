// `npm run real-stack [-- --check] [--origin ci] [--only id…] [--evaluation-dir DIR] [--concurrency N]`: the real LiteLLM proxy behind the
// real Traefik on loopback (issue 26). Without --check it stays up until Ctrl-C; with it, it runs the probe suite as
// the `real-stack` environment, stops everything and exits with the probe's code (2 when the stack cannot start).
import { defineCommand } from '../src/cli/command.ts';
import { loadProjectConfig } from '../src/config/load.ts';
import { runSession } from '../src/real-stack/session.ts';

const { values } = defineCommand({
  name: 'real-stack',
  summary: 'The real LiteLLM proxy behind the real Traefik on loopback (installed into .venv/ when needed): stays up until Ctrl-C, or with --check runs the probe suite as the real-stack environment and exits with its code.',
  options: {
    check: { type: 'boolean', default: false, description: 'run the probe suite against it, stop everything and exit with the probe\'s code' },
    origin: { type: 'string', value: 'id', default: process.env.PROOFBOOK_ORIGIN ?? (process.env.CI ? 'ci' : 'local'), description: 'where the probe runs, recorded in the evidence' },
    only: { type: 'string', multiple: true, value: 'id', description: 'with --check, only these check ids or groups' },
    'evaluation-dir': { type: 'string', value: 'dir', description: 'evidence store (default: evaluation/)' },
    // LiteLLM 1.108 starts a stdio MCP server for each request it serves: three probes at once on a loaded machine
    // pushed mcp.server-filesystem past its 20 s deadline (26 checks: 92 s, one timeout; one at a time: 121 s, none).
    concurrency: { type: 'string', value: 'n', default: '1', description: 'with --check, how many checks run at once (LiteLLM starts a stdio server per request)' },
  },
  examples: ['npm run real-stack', 'npm run real-stack -- --check --origin ci'],
  exitCodes: ['0 stopped with Ctrl-C, or every check passed', '1 a check failed', '2 the stack could not start, or a usage error'],
}).parse();
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
