/**
 * Pure reading of what the real Codex CLI said about a config (kind `codex-cli`), whether the probe ran it on the
 * generated config or an operator captured `codex mcp list/get` or `codex doctor --json` elsewhere: one rule set.
 */
import type { CodexCliCheck } from '../schemas/client-profile-check.ts';
import type { CodexRun, CodexServer } from '../schemas/codex-run.ts';
import type { CodexCliObservation } from '../schemas/observation.ts';
import { codexDoctorConditions, enabledFromDoctor } from './codex-doctor.ts';
import { condition, decide, type CheckOutcome, type Condition } from './outcome.ts';

/** Codex's error message without the "Stack backtrace" noise and the temp-dir PATH-alias warning. */
export function codexErrorText(stderr: string): string {
  return stderr
    .split('\n')
    .filter((line) => !line.startsWith('WARNING: proceeding, even though we could not create PATH aliases'))
    .join('\n')
    .replace(/\n*Stack backtrace:[\s\S]*$/, '')
    .trim();
}

const oneLine = (text: string): string => text.split('\n').map((line) => line.trim()).filter(Boolean).join(' ');

/** Each `codex mcp list/get` run must read config.toml: a refusal is `config_invalid`, any other error an expectation miss. */
function readConditions(runs: CodexRun[]): Condition[] {
  return runs.map((run) => {
    const ok = run.code === 0 && run.configError === undefined;
    const actual = run.configError ?? run.error ?? `exit ${run.code}`;
    return condition(`codex ${run.args.join(' ')} reads config.toml`, ok, ok ? 'exit 0' : oneLine(actual), { failureClass: run.configError === undefined ? 'expectation' : 'config_invalid' });
  });
}

const hasBearer = (server: CodexServer): boolean => Boolean(server.bearerTokenEnvVar) || /bearer|^true$/i.test(server.auth ?? '');

/** What the generated config must read back (probe only): the server, enabled with a bearer token, url, key env var and scope. */
function expectedConditions(obs: CodexCliObservation, servers: CodexServer[]): Condition[] {
  const name = obs.serverName ?? '';
  const listed = (obs.list?.servers ?? servers).find((s) => s.name === name);
  const read = obs.get?.servers?.find((s) => s.name === name) ?? listed;
  const expected = obs.expected!;
  return [
    condition(`codex lists ${name} enabled with a bearer token`, listed?.enabled === true && hasBearer(listed), listed ? `enabled=${listed.enabled} auth=${listed.auth ?? '-'}` : 'not listed'),
    condition(`transport.url == ${expected.url}`, read?.url === expected.url, read?.url),
    condition(`transport.bearer_token_env_var == ${expected.keyEnv}`, read?.bearerTokenEnvVar === expected.keyEnv, read?.bearerTokenEnvVar),
    condition(`transport.http_headers.x-mcp-servers == ${expected.scope}`, read?.headers?.['x-mcp-servers'] === expected.scope, read?.headers ?? null),
  ];
}

/**
 * An imported run is held to what Codex can show: some enabled server. `codex mcp list/get` only read config.toml, so
 * a well-formed enabled server passes there even when its bearer env var is unset in the capturing shell.
 */
function enabledConditions(servers: CodexServer[] | undefined, doctorEnabled: { enabled: number; configured: number } | undefined): Condition[] {
  if (servers) {
    const enabled = servers.filter((s) => s.enabled);
    return [condition('an enabled MCP server is configured', enabled.length > 0, `${enabled.length} of ${servers.length} enabled`)];
  }
  if (doctorEnabled) return [condition('an enabled MCP server is configured', doctorEnabled.enabled > 0, `${doctorEnabled.enabled} of ${doctorEnabled.configured} enabled`)];
  return [];
}

function measuredOf(obs: CodexCliObservation, servers: CodexServer[] | undefined, notJudged: string[]): Record<string, string | number | boolean | null> {
  // The gateway is an HTTP server: its details are the ones worth keeping when several servers are configured.
  const http = servers?.filter((s) => s.transport === 'streamable_http');
  const main = servers?.find((s) => s.name === obs.serverName) ?? http?.find((s) => s.enabled) ?? servers?.find((s) => s.enabled) ?? http?.[0] ?? servers?.[0];
  const doctor = obs.doctor?.doctor;
  return {
    ...(obs.list ? { listExit: obs.list.code } : {}),
    ...(obs.get ? { getExit: obs.get.code } : {}),
    ...(obs.doctor ? { doctorExit: obs.doctor.code } : {}),
    ...(doctor?.codexVersion ? { codexVersion: doctor.codexVersion } : {}),
    ...(doctor ? { doctorMcp: doctor.checks['mcp.config']?.status ?? 'absent' } : {}),
    ...(servers ? { servers: servers.length, httpServers: servers.filter((s) => s.transport === 'streamable_http').length } : {}),
    ...(main?.url ? { url: main.url } : {}),
    ...(main?.bearerTokenEnvVar ? { bearerTokenEnvVar: main.bearerTokenEnvVar } : {}),
    ...(main?.auth ? { auth: main.auth } : {}),
    ...(notJudged.length ? { notJudged: notJudged.join('; ').slice(0, 300) } : {}),
  };
}

function describe(servers: CodexServer[] | undefined): string {
  if (!servers) return '';
  const list = servers.map((s) => `${s.name}${s.enabled ? '' : ' (disabled)'}${s.url ? ` → ${s.url}` : s.command ? ` → ${s.command}` : ''}`).join('; ');
  return `${servers.length} server${servers.length === 1 ? '' : 's'} configured${list ? ` (${list})` : ''}`;
}

/** Evaluates a codex-cli observation: Codex must load the config and show an enabled server; the probe also checks what it reads back. */
export function evaluateCodexCli(_check: CodexCliCheck, obs: CodexCliObservation): CheckOutcome {
  const servers = obs.list?.servers ?? obs.get?.servers;
  const readers = [obs.list, obs.get].filter((run): run is CodexRun => run !== undefined);
  const doctor = codexDoctorConditions(obs);
  const conditions = [
    ...readConditions(readers),
    ...doctor.load,
    ...(obs.expected ? expectedConditions(obs, servers ?? []) : enabledConditions(servers, enabledFromDoctor(obs.doctor))),
    ...doctor.mcp,
  ];
  const version = obs.doctor?.doctor?.codexVersion;
  const measured = { latencyMs: Math.round(obs.latencyMs), clientProfile: 'codex', extra: measuredOf(obs, servers, doctor.notJudged) };
  const what = obs.expected ? `loads ${obs.serverName}: ${obs.expected.url} with ${obs.expected.keyEnv}` : describe(servers) || `doctor: mcp.config ${measured.extra.doctorMcp ?? 'absent'}`;
  const notes = doctor.notJudged.map((text) => `not judged (Codex was isolated on purpose): ${text}`);
  return decide(conditions, obs.failure, measured, `Codex${version ? ` ${version}` : ''} ${what}${notes.length ? `; ${notes.join('; ')}` : ''}`);
}
