/**
 * `verify-client codex --config <file>`: the real Codex CLI on the user's own `config.toml` (issue 27), judged
 * like the generated one: Codex must load it and read back the URL, key env var and scope of the chosen gateway
 * environment. Only the file is copied into a temp CODEX_HOME (never auth.json or history), Codex runs in a
 * loopback-only network namespace, and nothing is stored as evidence: a user's file is not the team's evidence.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'smol-toml';
import { evaluateCodexCli } from '../checks/codex-cli.ts';
import type { CheckOutcome } from '../checks/outcome.ts';
import { contextFromEnvironment } from '../clients/context.ts';
import { lintClientText } from '../clients/lint/index.ts';
import type { LintProblem } from '../clients/types.ts';
import { observeCodexConfig } from '../probes/codex-cli/probe.ts';
import { CodexCliCheckSchema } from '../schemas/client-profile-check.ts';
import type { Gateway } from '../schemas/gateway.ts';
import { ProofbookInputError } from '../schemas/parse.ts';
import { isCommandOnPath } from '../util/command-on-path.ts';

export interface CodexFileVerdict {
  /** lint-client's problems with the file (the same rules as `npm run lint-client`). */
  problems: LintProblem[];
  /** What the real Codex CLI made of it, judged against the environment; absent when the file does not parse. */
  outcome?: CheckOutcome;
}

/** The `bearer_token_env_var` the file names for `serverName`, when it parses and names one. */
function keyEnvOf(text: string, serverName: string): string | undefined {
  try {
    const server = (parse(text) as { mcp_servers?: Record<string, { bearer_token_env_var?: unknown }> }).mcp_servers?.[serverName];
    return typeof server?.bearer_token_env_var === 'string' ? server.bearer_token_env_var : undefined;
  } catch {
    return undefined; // a syntax error is reported by the lint problems, with its line
  }
}

/** Lints `file` and runs the real Codex CLI on it against `environmentId` of `gateway`. */
export async function verifyCodexFile(file: string, gateway: Gateway, environmentId: string, options: { serverName?: string; baseUrl?: string; env: NodeJS.ProcessEnv }): Promise<CodexFileVerdict> {
  const environment = gateway.environments[environmentId];
  if (!environment) throw new ProofbookInputError('--env', 'verify-client run', [{ path: 'env', message: `unknown environment "${environmentId}"; content/gateway.yaml defines ${Object.keys(gateway.environments).join(', ')}` }]);
  const text = await readFile(file, 'utf8').catch((error: Error) => {
    throw new ProofbookInputError(file, 'Codex config', [{ path: '', message: `cannot read it: ${error.message}` }]);
  });
  const servers = [...new Set(Object.values(gateway.environments).flatMap((env) => env.servers))];
  const problems = lintClientText('codex', text, { env: options.env, servers, commandExists: (command) => isCommandOnPath(command) });
  if (problems.some((problem) => problem.rule === 'codex/toml-syntax')) return { problems };
  const check = CodexCliCheckSchema.parse({ id: 'clients.codex-cli', title: 'Codex loads your config', kind: 'codex-cli', serverName: options.serverName ?? gateway.name });
  const context = contextFromEnvironment(check.serverName, environmentId, environment, options.baseUrl);
  const keyEnv = keyEnvOf(text, check.serverName);
  const key = keyEnv === undefined ? undefined : options.env[keyEnv];
  const observation = await observeCodexConfig(text, check.serverName, { url: context.mcpUrl, keyEnv: context.keyEnv, scope: context.servers.join(',') }, {
    doctor: true,
    childEnv: keyEnv && key ? { [keyEnv]: key } : {},
    now: () => performance.now(),
  });
  return { problems, outcome: evaluateCodexCli(check, observation) };
}
