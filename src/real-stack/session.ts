/**
 * `npm run real-stack`: install when needed, start the stack, then either stay up until Ctrl-C or (`--check`) run
 * the whole probe suite against it as the `real-stack` environment, stop everything and return the probe's exit
 * code. The probe runs as its own process, exactly as CI runs it.
 */
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import type { Gateway } from '../schemas/gateway.ts';
import { installProblem, realStackPaths } from './install-state.ts';
import { startRealStack, type RealStack } from './start.ts';

/** The environment id in content/gateway.yaml. */
export const REAL_STACK_ENVIRONMENT = 'real-stack';

export interface SessionOptions {
  root: string;
  gateway: Gateway;
  check: boolean;
  origin: string;
  env: NodeJS.ProcessEnv;
  /** Extra probe arguments (`--only …`, `--evaluation-dir …`). */
  probeArgs?: string[];
  out?: (line: string) => void;
}

/** The master key: the caller's LITELLM_MASTER_KEY, else a fresh random one that is never printed. */
export function sessionKey(env: NodeJS.ProcessEnv, name: string): string {
  return env[name] || `sk-real-${randomBytes(16).toString('hex')}`;
}

async function ensureInstalled(root: string, out: (line: string) => void): Promise<void> {
  if (installProblem(root) === null) return;
  out('installing the real stack (bash .ci/real-stack.sh install)…');
  await promisify(execFile)('bash', [realStackPaths(root).installScript, 'install'], { cwd: root, timeout: 15 * 60_000 }).catch((error: { stderr?: string }) => {
    throw new Error(`bash .ci/real-stack.sh install failed:\n${error.stderr?.trim().split('\n').slice(-10).join('\n') ?? error}`);
  });
  const problem = installProblem(root);
  if (problem) throw new Error(problem);
}

function runProbe(root: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/probe.ts', ...args], { cwd: root, env, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Runs a session; resolves to the exit code (the probe's under `check`). */
export async function runSession(options: SessionOptions): Promise<number> {
  const out = options.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const environment = options.gateway.environments[REAL_STACK_ENVIRONMENT];
  if (!environment) throw new Error(`content/gateway.yaml → environments: no "${REAL_STACK_ENVIRONMENT}" environment; add it (see the real-stack reference page)`);
  await ensureInstalled(options.root, out);
  const adminKeyEnv = environment.adminKeyEnv ?? 'LITELLM_MASTER_KEY';
  const key = sessionKey(options.env, adminKeyEnv);
  const stack: RealStack = await startRealStack({
    root: options.root, environment, masterKey: key, postgresUrl: options.env.PROOFBOOK_REAL_STACK_POSTGRES_URL || undefined, log: out,
  });
  out(`LiteLLM ${stack.versions.litellm ?? '(version unknown)'} behind Traefik ${stack.versions.traefik ?? '(version unknown)'}`);
  out(`gateway:  ${stack.url}/  (MCP at ${stack.url}${environment.mcpPath}; key in $${environment.keyEnv} / $${adminKeyEnv})`);
  out(`litellm:  ${stack.liteLLMUrl}/  (direct, bypassing Traefik)`);
  out(`traefik:  ${stack.traefikApiUrl}/api/version  (Traefik's own API, loopback only)`);
  if (!options.check) return waitForSignal(stack, out);
  let code = 1;
  try {
    const env = { ...options.env, [environment.keyEnv]: key, [adminKeyEnv]: key };
    const args = ['--env', REAL_STACK_ENVIRONMENT, '--base-url', stack.url, '--origin', options.origin, '--traefik-api', stack.traefikApiUrl, ...(options.probeArgs ?? [])];
    code = await runProbe(options.root, args, env);
  } finally {
    const pids = stack.pids();
    await stack.stop();
    out(`stopped the real stack (${pids.length} processes; none left)`);
  }
  return code;
}

function waitForSignal(stack: RealStack, out: (line: string) => void): Promise<number> {
  out('Press Ctrl-C to stop.');
  return new Promise((resolve) => {
    const onSignal = (code: number) => () => {
      out('\nstopping…');
      stack.stop().then(
        () => resolve(code),
        (error: Error) => {
          out(error.message);
          resolve(1);
        },
      );
    };
    process.once('SIGINT', onSignal(130));
    process.once('SIGTERM', onSignal(143));
  });
}
