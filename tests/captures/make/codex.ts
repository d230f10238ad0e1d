// The Codex CLI (@openai/codex) reading config.toml files in a CODEX_HOME of their own: `codex mcp list [--json]`,
// `codex mcp get <name> [--json]` and `codex doctor --json`. list/get only read the config; doctor also checks
// env vars, stdio commands and reachability. Run only inside the loopback-only namespace (Codex reaches out).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Expected } from '../expected-schema.ts';
import { makeCapture, type CaptureContext, type CaptureRequest } from './corpus-writer.ts';
import { GATE } from './nginx-gate.ts';
import { PORTS } from './ports.ts';
import type { ToolRun } from './process.ts';
import { firstProblem, text } from './read-output.ts';

const FAMILY = 'codex';
type Reading = Omit<Expected, 'checkId'>;

/** The configs, each a CODEX_HOME of its own; `{KEY}` is replaced with the throwaway key. */
const CONFIGS = {
  good: `[mcp_servers.litellm]
url = "http://127.0.0.1:${PORTS.gate}${GATE.json}"
bearer_token_env_var = "LITELLM_API_KEY"
http_headers = { "x-mcp-servers" = "mcp_postgres,mcp_filesystem" }
startup_timeout_sec = 20
tool_timeout_sec = 60
`,
  'headers-table': `[mcp_servers.litellm]
url = "http://127.0.0.1:${PORTS.gate}${GATE.json}"
bearer_token_env_var = "LITELLM_API_KEY"
headers = { "x-mcp-servers" = "mcp_postgres,mcp_filesystem" }
`,
  'inline-bearer': `[mcp_servers.litellm]
url = "http://127.0.0.1:${PORTS.gate}${GATE.json}"
bearer_token = "{KEY}"
`,
  'toml-error': `[mcp_servers.litellm]
url = "http://127.0.0.1:${PORTS.gate}${GATE.json}
bearer_token_env_var = "LITELLM_API_KEY"
`,
  'command-and-url': `[mcp_servers.litellm]
command = "npx"
args = ["-y", "mcp-remote", "http://127.0.0.1:${PORTS.gate}${GATE.json}"]
url = "http://127.0.0.1:${PORTS.gate}${GATE.json}"
`,
  unreachable: `[mcp_servers.litellm]
url = "http://127.0.0.1:${PORTS.closed}/mcp/"
bearer_token_env_var = "LITELLM_API_KEY"
http_headers = { "x-mcp-servers" = "mcp_postgres,mcp_filesystem" }
`,
  disabled: `[mcp_servers.litellm]
url = "http://127.0.0.1:${PORTS.gate}${GATE.json}"
bearer_token_env_var = "LITELLM_API_KEY"
enabled = false
`,
  'missing-command': `[mcp_servers.fs_local]
command = "mcp-server-not-installed"
args = ["/srv/data"]
`,
  empty: '',
} as const;
type ConfigName = keyof typeof CONFIGS;

/** What `codex doctor --json` said in one of its checks. */
function doctorCheck(run: ToolRun, id: string): { status?: string; summary?: string; details?: Record<string, string> } | undefined {
  try {
    return (JSON.parse(text(run.stdout)) as { checks: Record<string, { status?: string; summary?: string; details?: Record<string, string> }> }).checks[id];
  } catch {
    return undefined;
  }
}

const has = (haystack: string, needle: string | RegExp, where: string): string | undefined =>
  (typeof needle === 'string' ? haystack.includes(needle) : needle.test(haystack)) ? undefined : `${where} lacks ${needle}: ${haystack.slice(0, 300)}`;
const exit = (run: ToolRun, code: number): string | undefined => (run.exitCode === code ? undefined : `codex exited ${run.exitCode ?? run.signal}, not ${code}: ${text(run.stderr).slice(-300)}`);
const doctorHas = (run: ToolRun, id: string, status: string | undefined, needle?: RegExp): string | undefined => {
  const check = doctorCheck(run, id);
  if (status === undefined) return check ? `doctor has a ${id} check` : undefined;
  return firstProblem(check?.status === status ? undefined : `doctor ${id} is ${check?.status}, not ${status}`, needle ? has(JSON.stringify(check ?? {}), needle, `doctor ${id}`) : undefined);
};

interface CodexCase {
  name: string;
  config: ConfigName;
  args: string[];
  kind: CaptureRequest['kind'];
  keySet: boolean;
  note: string;
  shows: (run: ToolRun) => string | undefined;
  expected: Reading;
}

const CONFIG_REJECTED = 'failed to load bootstrap configuration';

function cases(): CodexCase[] {
  const list = { args: ['mcp', 'list'], kind: 'codex-mcp-list' as const };
  const listJson = { args: ['mcp', 'list', '--json'], kind: 'codex-mcp-list-json' as const };
  const get = { args: ['mcp', 'get', 'litellm'], kind: 'codex-mcp-get' as const };
  const getJson = { args: ['mcp', 'get', 'litellm', '--json'], kind: 'codex-mcp-get-json' as const };
  const doctor = { args: ['doctor', '--json'], kind: 'codex-doctor-json' as const };
  const readsOnly = 'codex mcp list/get only read config.toml and never connect, so they prove the config loads, not that the server answers';
  const loads = (what: string): Reading => ({ verdict: 'pass', failureClass: null, decidedBy: 'stdout', why: `Exit 0 and ${what}; ${readsOnly}.` });
  const rejected = (stream: 'stderr' | 'stdout', cause: string): Reading => ({
    verdict: 'fail', failureClass: 'config_invalid', decidedBy: stream,
    why: stream === 'stderr'
      ? `Codex refused the config: exit 1 with "Error: failed to load bootstrap configuration" caused by ${cause} on stderr and nothing on stdout.`
      : `doctor's config.load is "fail" (${cause}) and there is no mcp.config check at all: Codex could not load the config, so no MCP server can start.`,
  });
  return [
    { name: 'good-list', config: 'good', ...list, keySet: true, note: 'codex mcp list, a good config (bearer_token_env_var + http_headers), LITELLM_API_KEY set', shows: (r) => firstProblem(exit(r, 0), has(text(r.stdout), /litellm .* enabled +Bearer token/, 'stdout')), expected: loads('the HTTP table lists litellm enabled with "Bearer token" auth') },
    { name: 'good-list-json', config: 'good', ...listJson, keySet: true, note: 'codex mcp list --json, a good config, LITELLM_API_KEY set', shows: (r) => firstProblem(exit(r, 0), has(text(r.stdout), '"auth_status": "bearer_token"', 'stdout')), expected: loads('litellm is listed enabled, streamable_http, with bearer_token_env_var, x-mcp-servers in http_headers and auth_status bearer_token') },
    { name: 'good-get', config: 'good', ...get, keySet: true, note: 'codex mcp get litellm, a good config, LITELLM_API_KEY set (header values are masked by Codex)', shows: (r) => firstProblem(exit(r, 0), has(text(r.stdout), 'bearer_token_env_var: LITELLM_API_KEY', 'stdout')), expected: loads('it reads back enabled: true, the url, bearer_token_env_var and the masked x-mcp-servers header') },
    { name: 'good-get-json', config: 'good', ...getJson, keySet: true, note: 'codex mcp get litellm --json, a good config, LITELLM_API_KEY set', shows: (r) => firstProblem(exit(r, 0), has(text(r.stdout), '"x-mcp-servers": "mcp_postgres,mcp_filesystem"', 'stdout')), expected: loads('it reads back the url, bearer_token_env_var and http_headers exactly as configured') },
    { name: 'good-doctor-json', config: 'good', ...doctor, keySet: true, note: 'codex doctor --json, a good config, LITELLM_API_KEY set; exit 1 comes from checks unrelated to MCP (no Codex login, no provider reachable in the namespace)', shows: (r) => firstProblem(doctorHas(r, 'mcp.config', 'ok'), doctorHas(r, 'config.load', 'ok')), expected: { verdict: 'pass', failureClass: null, decidedBy: 'stdout', why: 'config.load and mcp.config are both "ok" (the server was reachable through the gate); the overall "fail" and exit 1 come from auth.credentials and provider reachability, which say nothing about the MCP config.' } },
    { name: 'env-unset-list-json', config: 'good', ...listJson, keySet: false, note: 'codex mcp list --json, the good config with LITELLM_API_KEY NOT set in the environment', shows: (r) => firstProblem(exit(r, 0), has(text(r.stdout), '"auth_status": "bearer_token"', 'stdout')), expected: loads('auth_status still says bearer_token: list reports the configured bearer_token_env_var, not whether the variable is set (openai/codex#30125), so this capture cannot see the missing key') },
    { name: 'env-unset-doctor-json', config: 'good', ...doctor, keySet: false, note: 'codex doctor --json, the good config with LITELLM_API_KEY NOT set', shows: (r) => doctorHas(r, 'mcp.config', 'warning', /LITELLM_API_KEY is not set/), expected: { verdict: 'fail', failureClass: 'auth_env_missing', decidedBy: 'stdout', why: 'mcp.config warns "bearer token env var LITELLM_API_KEY is not set": Codex would send no Authorization header and the gateway would refuse it; the class is the unset env var, auth_env_missing.' } },
    { name: 'headers-table-list-json', config: 'headers-table', ...listJson, keySet: true, note: 'codex mcp list --json for a config that puts x-mcp-servers in an unsupported `headers` table instead of http_headers', shows: (r) => firstProblem(exit(r, 0), has(text(r.stdout), '"http_headers": null', 'stdout')), expected: loads('litellm is listed enabled with a bearer token and http_headers null; the ignored `headers` key leaves no trace here (only doctor warns about it)') },
    { name: 'headers-table-doctor-json', config: 'headers-table', ...doctor, keySet: true, note: 'codex doctor --json for the config with an unsupported `headers` table', shows: (r) => doctorHas(r, 'config.load', 'warning', /headers` is ignored/), expected: { verdict: 'degraded', failureClass: 'config_invalid', decidedBy: 'stdout', why: 'config.load is "warning": "`mcp_servers.litellm.headers` is ignored", so the x-mcp-servers scope is never sent; the server still loads and authenticates, so the setup works only partly: degraded, because of a setting Codex does not accept.' } },
    { name: 'inline-bearer-list', config: 'inline-bearer', ...list, keySet: true, note: 'codex mcp list for a config with an inline bearer_token (no longer supported; Codex wants bearer_token_env_var)', shows: (r) => firstProblem(exit(r, 1), has(text(r.stderr), 'bearer_token is not supported', 'stderr')), expected: rejected('stderr', '"bearer_token is not supported for streamable_http in `mcp_servers.litellm`"') },
    { name: 'inline-bearer-doctor-json', config: 'inline-bearer', ...doctor, keySet: true, note: 'codex doctor --json for the config with an inline bearer_token', shows: (r) => firstProblem(doctorHas(r, 'config.load', 'fail'), doctorHas(r, 'mcp.config', undefined)), expected: rejected('stdout', 'error "invalid data"') },
    { name: 'toml-error-list-json', config: 'toml-error', ...listJson, keySet: true, note: 'codex mcp list --json for a config.toml with an unterminated string (a TOML syntax error)', shows: (r) => firstProblem(exit(r, 1), has(text(r.stderr), 'TOML parse error', 'stderr')), expected: rejected('stderr', 'a "TOML parse error at line 2, column …"') },
    { name: 'toml-error-doctor-json', config: 'toml-error', ...doctor, keySet: true, note: 'codex doctor --json for the config.toml with a TOML syntax error', shows: (r) => firstProblem(doctorHas(r, 'config.load', 'fail', /invalid configuration/), doctorHas(r, 'mcp.config', undefined)), expected: rejected('stdout', '"invalid configuration" at line 2') },
    { name: 'command-and-url-get-json', config: 'command-and-url', ...getJson, keySet: true, note: 'codex mcp get litellm --json for a server with both `command` and `url`', shows: (r) => firstProblem(exit(r, 1), has(text(r.stderr), 'url is not supported for stdio', 'stderr')), expected: rejected('stderr', '"url is not supported for stdio in `mcp_servers.litellm`"') },
    { name: 'command-and-url-doctor-json', config: 'command-and-url', ...doctor, keySet: true, note: 'codex doctor --json for a server with both `command` and `url`', shows: (r) => firstProblem(doctorHas(r, 'config.load', 'fail'), doctorHas(r, 'mcp.config', undefined)), expected: rejected('stdout', 'error "invalid data"') },
    { name: 'unreachable-list', config: 'unreachable', ...list, keySet: true, note: 'codex mcp list for a config whose url is a loopback port nothing listens on', shows: (r) => firstProblem(exit(r, 0), has(text(r.stdout), /enabled +Bearer token/, 'stdout')), expected: loads('litellm is listed enabled with a bearer token; the closed port does not show because list never connects') },
    { name: 'unreachable-doctor-json', config: 'unreachable', ...doctor, keySet: true, note: 'codex doctor --json for a config whose url is a loopback port nothing listens on', shows: (r) => doctorHas(r, 'mcp.config', 'warning', /reachability failed/), expected: { verdict: 'fail', failureClass: 'tcp_refused', decidedBy: 'stdout', why: 'mcp.config reports "optional reachability failed: litellm: … (HEAD connect failed; GET connect failed)": Codex could not connect to the configured URL at all, so the server cannot be used: tcp_refused.' } },
    { name: 'disabled-get', config: 'disabled', ...get, keySet: true, note: 'codex mcp get litellm for a server with enabled = false', shows: (r) => firstProblem(exit(r, 0), has(text(r.stdout), 'litellm (disabled)', 'stdout')), expected: { verdict: 'fail', failureClass: 'expectation', decidedBy: 'stdout', why: 'Codex prints "litellm (disabled)": the config loads, but the gateway server is switched off, so Codex will never connect to it.' } },
    { name: 'disabled-list-json', config: 'disabled', ...listJson, keySet: true, note: 'codex mcp list --json for a server with enabled = false', shows: (r) => firstProblem(exit(r, 0), has(text(r.stdout), '"enabled": false', 'stdout')), expected: { verdict: 'fail', failureClass: 'expectation', decidedBy: 'stdout', why: 'The only server is listed with "enabled": false: the config loads, but Codex will not start the gateway server.' } },
    { name: 'disabled-doctor-json', config: 'disabled', ...doctor, keySet: true, note: 'codex doctor --json for a server with enabled = false', shows: (r) => doctorHas(r, 'mcp.config', 'ok', /"disabled servers":"1"/), expected: { verdict: 'fail', failureClass: 'expectation', decidedBy: 'stdout', why: 'mcp.config is "ok" only because there is nothing enabled to check: "configured servers": "1", "disabled servers": "1"; Codex will use no MCP server.' } },
    { name: 'missing-command-list', config: 'missing-command', ...list, keySet: true, note: 'codex mcp list for a stdio server whose command is not on PATH', shows: (r) => firstProblem(exit(r, 0), has(text(r.stdout), 'mcp-server-not-installed', 'stdout')), expected: loads('the stdio table lists fs_local enabled; list does not look the command up on PATH') },
    { name: 'missing-command-doctor-json', config: 'missing-command', ...doctor, keySet: true, note: 'codex doctor --json for a stdio server whose command is not on PATH', shows: (r) => doctorHas(r, 'mcp.config', 'warning', /not resolvable \(not found on PATH\)/), expected: { verdict: 'fail', failureClass: 'command_not_found', decidedBy: 'stdout', why: 'mcp.config says stdio command "mcp-server-not-installed" is not resolvable (not found on PATH): Codex cannot start the server, command_not_found.' } },
    { name: 'empty-list', config: 'empty', ...list, keySet: true, note: 'codex mcp list with an empty config.toml', shows: (r) => firstProblem(exit(r, 0), has(text(r.stdout), 'No MCP servers configured yet', 'stdout')), expected: { verdict: 'fail', failureClass: 'expectation', decidedBy: 'stdout', why: 'Codex prints "No MCP servers configured yet": the config loads but holds no gateway server at all.' } },
  ];
}

async function codexHome(workDir: string, name: ConfigName, key: string): Promise<string> {
  const dir = path.join(workDir, 'codex', name);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'config.toml'), CONFIGS[name].replaceAll('{KEY}', key));
  return dir;
}

/** Every Codex capture, a few at a time (doctor spends most of its ~10 s waiting on unreachable providers). */
export async function captureCodex(ctx: CaptureContext, workDir: string): Promise<void> {
  const queue = cases();
  const homes = new Map<ConfigName, string>();
  for (const name of Object.keys(CONFIGS) as ConfigName[]) homes.set(name, await codexHome(workDir, name, ctx.key));
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const home = homes.get(next.config)!;
      await makeCapture(ctx, FAMILY, {
        name: next.name,
        kind: next.kind,
        tool: 'codex-cli',
        argv: ['codex', ...next.args],
        env: { HOME: home, CODEX_HOME: home, ...(next.keySet ? { LITELLM_API_KEY: ctx.key } : {}) },
        cwd: home,
        timeoutMs: 60_000,
        checks: ['clients.codex-cli'],
        note: `${next.note} (CODEX_HOME is a fresh temp dir holding only that config.toml; run in a loopback-only network namespace)`,
        shows: next.shows,
        expected: next.expected,
      });
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
}
