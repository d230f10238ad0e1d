/** Pure reading of what the real Codex CLI said about a generated config (kind `codex-cli`). */
import { condition, decide, type CheckOutcome, type Condition } from './outcome.ts';
import type { CodexCliCheck } from '../schemas/client-profile-check.ts';
import type { CodexCliObservation, CodexRun } from '../schemas/observation.ts';

/** Codex's error message without the "Stack backtrace" noise and the temp-dir PATH-alias warning. */
export function codexErrorText(stderr: string): string {
  return stderr
    .split('\n')
    .filter((line) => !line.startsWith('WARNING: proceeding, even though we could not create PATH aliases'))
    .join('\n')
    .replace(/\n*Stack backtrace:[\s\S]*$/, '')
    .trim();
}

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

type Json = Record<string, any>;

function configConditions(obs: CodexCliObservation): Condition[] {
  const list = parseJson(obs.list.stdout) as Json[] | undefined;
  const entry = Array.isArray(list) ? list.find((server) => server?.name === obs.serverName) : undefined;
  const transport = (parseJson(obs.get.stdout) as Json | undefined)?.transport as Json | undefined;
  return [
    condition('codex mcp list --json exits 0', obs.list.code === 0, obs.list.code === 0 ? 0 : `${obs.list.code}: ${codexErrorText(obs.list.stderr).split('\n').slice(0, 4).join(' ')}`),
    condition(`codex lists ${obs.serverName} enabled with a bearer token`, entry?.enabled === true && entry?.auth_status === 'bearer_token', entry ? `enabled=${entry.enabled} auth_status=${entry.auth_status}` : 'not listed'),
    condition(`transport.url == ${obs.expected.url}`, transport?.url === obs.expected.url, transport?.url),
    condition(`transport.bearer_token_env_var == ${obs.expected.keyEnv}`, transport?.bearer_token_env_var === obs.expected.keyEnv, transport?.bearer_token_env_var),
    condition(`transport.http_headers.x-mcp-servers == ${obs.expected.scope}`, transport?.http_headers?.['x-mcp-servers'] === obs.expected.scope, transport?.http_headers ?? null),
  ];
}

function doctorConditions(doctor: CodexRun): { conditions: Condition[]; extra: Record<string, string> } {
  const checks = ((parseJson(doctor.stdout) as Json | undefined)?.checks ?? {}) as Json;
  const load = checks['config.load'];
  const mcp = checks['mcp.config'];
  const reach = mcp?.details?.['optional reachability failed'];
  return {
    conditions: [
      condition('codex doctor: config.load ok', load?.status === 'ok', load ? `${load.status}: ${load.summary}` : 'no config.load check'),
      // Reachability is optional for Codex (a warning); only a hard MCP config failure fails the check.
      condition('codex doctor: mcp.config is not fail', mcp !== undefined && mcp.status !== 'fail', mcp ? `${mcp.status}: ${mcp.summary}` : 'no mcp.config check'),
    ],
    extra: { doctorMcp: mcp ? String(mcp.status) : 'absent', ...(reach ? { doctorReachability: String(reach).slice(0, 160) } : {}) },
  };
}

/** Evaluates a codex-cli observation: Codex must load the config and read back url, key env var and scope. */
export function evaluateCodexCli(check: CodexCliCheck, obs: CodexCliObservation): CheckOutcome {
  const conditions = configConditions(obs);
  const doctor = obs.doctor ? doctorConditions(obs.doctor) : { conditions: [], extra: {} };
  const version = /"codexVersion":\s*"([^"]+)"/.exec(obs.doctor?.stdout ?? '')?.[1];
  const measured = { latencyMs: Math.round(obs.latencyMs), clientProfile: 'codex', extra: { listExit: obs.list.code, getExit: obs.get.code, ...(obs.doctor ? { doctorExit: obs.doctor.code } : {}), ...(version ? { codexVersion: version } : {}), ...doctor.extra } };
  return decide([...conditions, ...doctor.conditions], obs.failure, measured, `Codex ${version ?? ''} loads ${obs.serverName}: ${obs.expected.url} with ${obs.expected.keyEnv}`.replace('  ', ' '));
}
