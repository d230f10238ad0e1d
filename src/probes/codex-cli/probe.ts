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
async function runCodexStep(home: CodexHome, output: CodexOutput, args: string[], childEnv: Record<string, string>, t0: number, now: () => number, transcript: TranscriptEntry[], signal?: AbortSignal): Promise<CodexRun> {
  const started = now();
  // The probe's deadline (the check's timeout or the run's --deadline) kills Codex, like any other probe's request.
  const result = await home.run(args, { env: childEnv, timeoutMs: 60_000, ...(signal ? { signal } : {}) });
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

/** What Codex should read back from a config: the MCP URL, the key's env var NAME and the `x-mcp-servers` scope. */
export type CodexExpectation = CodexCliObservation['expected'];

/**
 * The real Codex CLI on `configToml` (the generated config, or a user's own file): `mcp list`, `mcp get` and
 * optionally `doctor`, in a temp CODEX_HOME holding only that file and in a loopback-only network namespace.
 * `childEnv` is all the child sees of this shell besides PATH (the key's env var, when it should be set).
 */
export async function observeCodexConfig(configToml: string, serverName: string, expected: CodexExpectation, options: { doctor: boolean; childEnv: Record<string, string>; now: () => number; signal?: AbortSignal }): Promise<CodexCliObservation> {
  const home = await createCodexHome(configToml);
  const t0 = options.now();
  const transcript: TranscriptEntry[] = [];
  const step = (output: CodexOutput, args: string[]) => runCodexStep(home, output, args, options.childEnv, t0, options.now, transcript, options.signal);
  // Outside a loopback-only namespace, Codex gets one of its own (isolated.ts): it then reaches nothing on purpose.
  const isolated = !isLoopbackOnly();
  // Past the deadline Codex was killed: the run is a timeout, whatever the killed step printed (issue 25 item 5).
  const stopped = (list: CodexRun, get: CodexRun): CodexCliObservation => {
    const reason = options.signal?.reason instanceof Error ? options.signal.reason.message : 'deadline reached';
    return { kind: 'codex-cli', failure: { failureClass: 'timeout', message: `${reason}; Codex was stopped` }, latencyMs: options.now() - t0, transcript, serverName, expected, isolated, list, get };
  };
  try {
    const list = await step('list-json', ['mcp', 'list', '--json']);
    if (options.signal?.aborted) return stopped(list, list);
    const get = await step('get-json', ['mcp', 'get', serverName, '--json']);
    if (options.signal?.aborted) return stopped(list, get);
    const doctor = options.doctor ? await step('doctor-json', ['doctor', '--json']) : undefined;
    if (options.signal?.aborted) return stopped(list, get);
    return { kind: 'codex-cli', failure: null, latencyMs: options.now() - t0, transcript, serverName, expected, isolated, list, get, ...(doctor ? { doctor } : {}) };
  } finally {
    await home.dispose();
  }
}

/** `kind: codex-cli`: the real Codex CLI on the generated config, in a temp CODEX_HOME and a loopback-only netns. */
export async function probeCodexCli(check: CodexCliCheck, ctx: ProbeContext): Promise<CodexCliObservation> {
  const context = contextFromEnvironment(check.serverName, ctx.environmentId, ctx.environment, ctx.baseUrl);
  // Codex reads the key from the env var the config names; only the child sees it.
  const childEnv: Record<string, string> = ctx.credentials.key === undefined ? {} : { [context.keyEnv]: ctx.credentials.key };
  const expected = { url: context.mcpUrl, keyEnv: context.keyEnv, scope: context.servers.join(',') };
  return observeCodexConfig(clients.codex.generate(context).primary.code, check.serverName, expected, { doctor: check.doctor, childEnv, now: ctx.now, signal: ctx.signal });
}
