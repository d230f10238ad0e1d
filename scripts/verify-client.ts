/**
 * `npm run verify-client -- codex [--config ~/.codex/config.toml] [--env id] [--base-url URL]` (`-- --help`).
 * With --config: the real Codex CLI on the user's own file, judged against the environment (src/pipeline/verify-codex-file.ts).
 * Otherwise: writes the generated Codex config to a temp CODEX_HOME, runs the real Codex CLI (mcp list/get --json,
 * doctor --json) in a loopback-only network namespace, runs the Codex-profile probe (initialize +
 * tools/list with the headers Codex sends) and stores both as evidence (clients.codex-cli, clients.codex).
 * Without --base-url it starts the embedded demo gateway (see src/pipeline/verify-plan.ts).
 * Exit 0: both pass; 1: a check failed; 2: usage or configuration error.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { defineCommand, UsageError } from '../src/cli/command.ts';
import { formatProblem } from '../src/clients/lint/index.ts';
import { loadGateway } from '../src/config/gateway-file.ts';
import { verifyCodexFile } from '../src/pipeline/verify-codex-file.ts';
import { isLoopbackOnly, isolatedArgv } from '../src/probes/codex-cli/isolated.ts';
import { planVerify } from '../src/pipeline/verify-plan.ts';
import { loadProjectConfig } from '../src/config/load.ts';
import { startDemoGateway, type DemoGateway } from '../src/demo-gateway/index.ts';
import { escapeControl } from '../src/probes/report.ts';
import { runAndStore } from '../src/probes/run.ts';
import { OriginSchema } from '../src/schemas/evidence.ts';

const command = defineCommand({
  name: 'verify-client',
  summary: 'Run the real Codex CLI on the generated config (or, with --config, on your own file) and check what it loads; without --config also probe with the headers Codex sends and store both as evidence.',
  positionals: 'codex',
  options: {
    config: { type: 'string', value: 'file', description: 'your own config.toml: Codex loads a copy of it (alone, isolated) and is judged against --env; nothing is stored' },
    server: { type: 'string', value: 'name', description: 'with --config, the [mcp_servers.<name>] entry for the gateway (default: gateway.yaml name)' },
    env: { type: 'string', value: 'id', description: 'gateway environment (default: demo; with --config, gateway.yaml defaultEnvironment)' },
    'base-url': { type: 'string', value: 'URL', description: "the gateway's URL instead of the environment's" },
    origin: { type: 'string', value: 'id', default: 'local', description: 'where this run happens, recorded in the evidence' },
    'no-write': { type: 'boolean', default: false, description: 'store no evidence' },
  },
  examples: [
    'npm run verify-client -- codex',
    'npm run verify-client -- codex --config ~/.codex/config.toml',
    'LITELLM_API_KEY=… npm run verify-client -- codex --env internal',
  ],
  exitCodes: ['0 Codex loads the config as intended (and the probe passes)', '1 a check failed', '2 a usage or configuration error'],
});
const { positionals, values } = command.parse();
if (positionals[0] !== 'codex') throw new UsageError(`verify-client: ${positionals[0] === undefined ? 'name the client' : `no verifier for "${positionals[0]}"`}: only Codex has a CLI that can be verified non-interactively\n\n${command.help()}`);
if (values.config !== undefined) {
  const gateway = await loadGateway(process.cwd());
  const environmentId = values.env ?? gateway.defaultEnvironment ?? Object.keys(gateway.environments)[0]!;
  const verdict = await verifyCodexFile(values.config, gateway, environmentId, { serverName: values.server, baseUrl: values['base-url'], env: process.env });
  for (const problem of verdict.problems) console.log(formatProblem(values.config, problem));
  if (verdict.outcome) {
    console.log(`${verdict.outcome.verdict.padEnd(8)} codex loads ${values.config} for ${environmentId}: ${escapeControl(verdict.outcome.summary)}`);
    for (const c of verdict.outcome.conditions) console.log(`         ${c.ok ? '✓' : '✗'} ${escapeControl(c.condition)}${c.ok ? '' : ` — got ${escapeControl(c.actual ?? '')}`}`);
  }
  process.exit(verdict.outcome?.verdict === 'pass' && !verdict.problems.some((p) => p.severity === 'error') ? 0 : 1);
}
if (!OriginSchema.safeParse(values.origin).success) throw new UsageError(`verify-client: --origin "${escapeControl(values.origin)}" is not an origin id such as "lan-host" (lowercase letters, digits and "-")`);
const envId = values.env ?? 'demo';
const root = path.resolve(import.meta.dirname, '..');
const mode = planVerify({ baseUrl: values['base-url'], environment: envId, loopbackOnly: isLoopbackOnly(), isRoot: process.getuid?.() === 0 });

if (mode.kind === 'reexec-isolated') {
  console.error('verify-client: re-running inside a loopback-only network namespace with the demo gateway (unshare -n)');
  const [command, ...args] = isolatedArgv([process.execPath, ...process.argv.slice(1)], false);
  const child = spawnSync(command!, args, { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}

const config = await loadProjectConfig(root);
const environment = config.gateway.environments[envId];
if (!environment) {
  console.error(`verify-client: content/gateway.yaml has no environment "${envId}"`);
  process.exit(2);
}
let demo: DemoGateway | undefined;
const env: Record<string, string | undefined> = { ...process.env };
let baseUrl = mode.kind === 'target' ? mode.baseUrl : undefined;
if (mode.kind === 'embedded-demo') {
  const key = `sk-verify-${randomBytes(16).toString('hex')}`;
  demo = await startDemoGateway({ masterKey: key });
  env[environment.keyEnv] = key;
  baseUrl = demo.url;
  console.error(`verify-client: demo gateway on ${demo.url}`);
} else if (env[environment.keyEnv] === undefined) {
  console.error(`verify-client: ${environment.keyEnv} is not set; export it (the value is read, never stored)`);
  process.exit(2);
}
try {
  const executed = await runAndStore({
    gateway: config.gateway, checks: config.checks, environment: envId, origin: values.origin, baseUrl,
    only: ['clients.codex-cli', 'clients.codex'], env, evaluationDir: path.join(root, 'evaluation'), write: !values['no-write'],
  });
  for (const record of executed.run.records) {
    console.log(`${record.verdict.padEnd(8)} ${record.checkId.padEnd(18)} ${escapeControl(record.summary)}`);
    for (const c of record.conditions.filter((c) => !c.ok)) console.log(`         ✗ ${escapeControl(c.condition)} — got ${escapeControl(c.actual ?? '')}`);
  }
  if (executed.dir) console.log(`evidence: ${path.relative(root, executed.dir)}`);
  process.exitCode = executed.run.records.every((r) => r.verdict === 'pass') ? 0 : 1;
} finally {
  await demo?.stop();
}
