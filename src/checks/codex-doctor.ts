/** What `codex doctor --json` says about a config, as conditions of the codex-cli check (one rule set for probe and import). */
import type { FailureClass } from '../schemas/evidence.ts';
import type { CodexRun } from '../schemas/codex-run.ts';
import type { CodexCliObservation } from '../schemas/observation.ts';
import { condition, type Condition } from './outcome.ts';

/** Codex's own words for the client-side failures (codex-cli 0.169 `mcp.config` details). */
const ENV_UNSET = /bearer token env var \S+ is not set/i;
const COMMAND_MISSING = /not resolvable|not found on PATH/i;
const REACHABILITY = /reachability failed/i;
/** Detail keys that only count servers (`configured servers`, `stdio servers`, …). */
const COUNT_KEY = /servers$/;

const oneLine = (text: string): string => text.split('\n').map((line) => line.trim()).filter(Boolean).join(' ');

/** Which layer an optional reachability failure names ("HEAD connect failed; GET connect failed", "DNS lookup failed"). */
function reachabilityClass(text: string): FailureClass {
  const t = text.toLowerCase();
  if (/dns|resolve|lookup/.test(t)) return 'dns';
  if (/tls|ssl|certificate/.test(t)) return 'tls';
  if (/timed out|timeout/.test(t)) return 'timeout';
  if (/\b[45]\d\d\b/.test(t)) return 'http_status';
  return 'tcp_refused';
}

/** The ignored setting out of `config.load`'s startup warning ("… `mcp_servers.litellm.headers` is ignored."). */
function loadWarning(details: Record<string, string>, summary: string): string {
  const warning = details['startup warning'] ?? '';
  const ignored = warning.split('\n').map((line) => line.replace(/^\s*\S+ \([^)]*\):\s*/, '').trim()).filter((line) => /ignored|deprecated|unknown/i.test(line));
  return ignored.length ? ignored.join('; ') : oneLine(warning) || summary;
}

function loadConditions(run: CodexRun): Condition[] {
  if (run.configError !== undefined) return [condition('codex doctor loads config.toml', false, oneLine(run.configError), { failureClass: 'config_invalid' })];
  if (!run.doctor) return [condition('codex doctor --json prints its report', false, oneLine(run.error ?? `exit ${run.code}, no JSON report`))];
  const load = run.doctor.checks['config.load'];
  if (!load) return [];
  if (load.status === 'fail') {
    const where = [load.details.error, load.details.line && `line ${load.details.line}`, load.details.column && `column ${load.details.column}`].filter(Boolean).join(', ');
    return [condition('codex doctor: config.load ok', false, `${load.summary}${where ? ` (${where})` : ''}`, { failureClass: 'config_invalid' })];
  }
  // A warning means Codex loaded the file but drops part of it (an unsupported `headers` table): it works only partly.
  if (load.status !== 'ok') return [condition('codex doctor: config.load ok', false, loadWarning(load.details, load.summary), { severity: 'degrade', failureClass: 'config_invalid' })];
  return [condition('codex doctor: config.load ok', true, 'ok')];
}

function mcpConditions(run: CodexRun, isolated: boolean, notJudged: string[]): Condition[] {
  const mcp = run.doctor?.checks['mcp.config'];
  if (!mcp) return [];
  const out: Condition[] = [];
  for (const [key, value] of Object.entries(mcp.details)) {
    if (COUNT_KEY.test(key)) continue;
    if (REACHABILITY.test(key)) {
      // Isolated on purpose (the probe's own network namespace): not reaching the gateway says nothing about it.
      if (isolated) notJudged.push(value);
      else out.push(condition(`${value.split(':')[0]}: reachable`, false, value, { failureClass: reachabilityClass(value) }));
    } else if (ENV_UNSET.test(value)) out.push(condition(`${key}: bearer token env var is set`, false, value, { failureClass: 'auth_env_missing' }));
    else if (COMMAND_MISSING.test(value)) out.push(condition(`${key}: stdio command is on PATH`, false, value, { failureClass: 'command_not_found' }));
    else out.push(condition(`${key}: no ${mcp.status === 'fail' ? 'error' : 'warning'}`, false, value, { severity: mcp.status === 'fail' ? 'fail' : 'degrade' }));
  }
  if (mcp.status === 'fail' && !out.some((c) => c.severity === 'fail')) out.push(condition('codex doctor: mcp.config is not fail', false, mcp.summary));
  if (out.length === 0) out.push(condition('codex doctor: mcp.config has no issue', true, mcp.status));
  return out;
}

/** Doctor's conditions, split so config loading is judged before servers; reachability not judged is listed apart. */
export function codexDoctorConditions(obs: CodexCliObservation): { load: Condition[]; mcp: Condition[]; notJudged: string[] } {
  const run = obs.doctor;
  const notJudged: string[] = [];
  if (!run) return { load: [], mcp: [], notJudged };
  const load = loadConditions(run);
  const mcp = mcpConditions(run, obs.isolated === true, notJudged);
  return { load, mcp, notJudged };
}

/** Enabled and configured server counts from doctor's `mcp.config` details, when it has them. */
export function enabledFromDoctor(run: CodexRun | undefined): { enabled: number; configured: number } | undefined {
  const details = run?.doctor?.checks['mcp.config']?.details;
  const configured = Number(details?.['configured servers']);
  if (!details || !Number.isFinite(configured)) return undefined;
  const disabled = Number(details['disabled servers'] ?? 0);
  return { configured, enabled: configured - (Number.isFinite(disabled) ? disabled : 0) };
}
