/**
 * `npm run verify-client -- codex [--env demo|internal|external] [--base-url URL] [--origin local] [--no-write]`
 * Writes the generated Codex config to a temp CODEX_HOME, runs the real Codex CLI (mcp list/get --json,
 * doctor --json) in a loopback-only network namespace, runs the Codex-profile probe (initialize +
 * tools/list with the headers Codex sends) and stores both as evidence (clients.codex-cli, clients.codex).
 * Without --base-url it starts the embedded demo gateway (see src/pipeline/verify-plan.ts).
 * Exit 0: both pass; 1: a check failed; 2: usage or configuration error.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isLoopbackOnly, isolatedArgv } from '../src/probes/codex-cli/isolated.ts';
import { planVerify } from '../src/pipeline/verify-plan.ts';
import { loadProjectConfig } from '../src/config/load.ts';
import { startDemoGateway, type DemoGateway } from '../src/demo-gateway/index.ts';
import { escapeControl } from '../src/probes/report.ts';
import { runAndStore } from '../src/probes/run.ts';
import { OriginSchema } from '../src/schemas/evidence.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { env: { type: 'string', default: 'demo' }, 'base-url': { type: 'string' }, origin: { type: 'string', default: 'local' }, 'no-write': { type: 'boolean', default: false } },
});
if (positionals[0] !== 'codex') {
  console.error('usage: npm run verify-client -- codex [--env demo] [--base-url URL] [--origin local] [--no-write]\n(only Codex has a CLI that can be verified non-interactively)');
  process.exit(2);
}
if (!OriginSchema.safeParse(values.origin).success) {
  console.error(`verify-client: --origin "${escapeControl(values.origin)}" is not an origin id such as "lan-host" (lowercase letters, digits and "-")`);
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, '..');
const mode = planVerify({ baseUrl: values['base-url'], environment: values.env, loopbackOnly: isLoopbackOnly(), isRoot: process.getuid?.() === 0 });

if (mode.kind === 'reexec-isolated') {
  console.error('verify-client: re-running inside a loopback-only network namespace with the demo gateway (unshare -n)');
  const [command, ...args] = isolatedArgv([process.execPath, ...process.argv.slice(1)], false);
  const child = spawnSync(command!, args, { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}

const config = await loadProjectConfig(root);
const environment = config.gateway.environments[values.env];
if (!environment) {
  console.error(`verify-client: content/gateway.yaml has no environment "${values.env}"`);
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
    gateway: config.gateway, checks: config.checks, environment: values.env, origin: values.origin, baseUrl,
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
