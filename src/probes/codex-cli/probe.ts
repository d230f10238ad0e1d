/** `kind: codex-cli`: the real Codex CLI on the generated config, in a temp CODEX_HOME and a loopback-only network namespace. */
import { codexErrorText } from '../../checks/codex-cli.ts';
import { contextFromEnvironment } from '../../clients/context.ts';
import { clients } from '../../clients/registry.ts';
import type { CodexCliCheck } from '../../schemas/client-profile-check.ts';
import type { CodexCliObservation, CodexRun, TranscriptEntry } from '../../schemas/observation.ts';
import { readCodexRun, type CodexOutput } from '../../ingest/codex-run.ts';
import type { ProbeContext } from '../context.ts';
import { isLoopbackOnly } from './isolated.ts';
import { createCodexHome, type CodexHome } from './run-codex.ts';

/** Runs one Codex CLI command and records it as a transcript entry (`EXEC`, exit code as status). */
async function runCodexStep(home: CodexHome, output: CodexOutput, args: string[], childEnv: Record<string, string>, t0: number, now: () => number, transcript: TranscriptEntry[]): Promise<CodexRun> {
  const started = now();
  const result = await home.run(args, { env: childEnv, timeoutMs: 60_000 });
  const raw = { args, code: result.code, stdout: result.stdout, stderr: codexErrorText(result.stderr) };
  // Read with the same readers as an imported capture, so one evaluator judges both; output it cannot read stays raw.
  const read = readCodexRun(output, raw);
  const run: CodexRun = 'run' in read ? read.run : raw;
  transcript.push({
    label: `codex ${args.join(' ')}`,
    atMs: started - t0,
    durationMs: now() - started,
    request: { method: 'EXEC', url: `codex ${args.join(' ')}`, headers: {} },
    response: { status: result.code ?? -1, headers: {}, body: `${result.stdout}${run.stderr ? `\n[stderr]\n${run.stderr}` : ''}`, truncated: false },
  });
  return run;
}

/** `kind: codex-cli`: the real Codex CLI on the generated config, in a temp CODEX_HOME and a loopback-only netns. */
export async function probeCodexCli(check: CodexCliCheck, ctx: ProbeContext): Promise<CodexCliObservation> {
  const context = contextFromEnvironment(check.serverName, ctx.environmentId, ctx.environment, ctx.baseUrl);
  const home = await createCodexHome(clients.codex.generate(context).primary.code);
  const t0 = ctx.now();
  const transcript: TranscriptEntry[] = [];
  // Codex reads the key from the env var the config names; only the child sees it.
  const childEnv: Record<string, string> = ctx.credentials.key === undefined ? {} : { [context.keyEnv]: ctx.credentials.key };
  const step = (output: CodexOutput, args: string[]) => runCodexStep(home, output, args, childEnv, t0, ctx.now, transcript);
  // Outside a loopback-only namespace, Codex gets one of its own (isolated.ts): it then reaches nothing on purpose.
  const isolated = !isLoopbackOnly();
  try {
    const list = await step('list-json', ['mcp', 'list', '--json']);
    const get = await step('get-json', ['mcp', 'get', check.serverName, '--json']);
    const doctor = check.doctor ? await step('doctor-json', ['doctor', '--json']) : undefined;
    const expected = { url: context.mcpUrl, keyEnv: context.keyEnv, scope: context.servers.join(',') };
    return { kind: 'codex-cli', failure: null, latencyMs: ctx.now() - t0, transcript, serverName: check.serverName, expected, isolated, list, get, ...(doctor ? { doctor } : {}) };
  } finally {
    await home.dispose();
  }
}

