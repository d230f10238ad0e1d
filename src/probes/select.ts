import type { Check } from '../schemas/check.ts';
import type { Gateway, GatewayEnvironment } from '../schemas/gateway.ts';
import { ProofbookInputError } from '../schemas/parse.ts';
import { didYouMean } from '../util/did-you-mean.ts';
import type { ProbeContext } from './context.ts';
import { probes, type ProbeRegistry } from './registry.ts';

/** What a run will do, decided before any request is sent (so configuration errors surface first). */
export interface RunPlan {
  environment: GatewayEnvironment;
  baseUrl: string;
  /** The base URL as recorded: credentials in a URL are never stored. */
  displayBaseUrl: string;
  /** Host (and port) probed. */
  host: string;
  /** The URL probed is not the environment's configured one (and the environment does not take its URL at run time). */
  isOverride: boolean;
  credentials: ProbeContext['credentials'];
  checks: Check[];
}

interface PlanInput {
  gateway: Gateway;
  checks: readonly Check[];
  environment: string;
  baseUrl?: string;
  only?: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
}

const GATEWAY_FILE = 'content/gateway.yaml';

function inputError(file: string, path: string, message: string, hint?: string): ProofbookInputError {
  return new ProofbookInputError(file, 'probe run', [{ path, message }], hint);
}

/** Whether `id` is selected by an `--only` entry: an exact id, a group (`mcp`) or a glob (`mcp.*`). */
function selects(entry: string, check: Check): boolean {
  const prefix = entry.endsWith('.*') ? entry.slice(0, -2) : entry;
  return check.id === entry || check.id.startsWith(`${prefix}.`) || check.group === prefix;
}

/** Scheme, host and port: two URLs naming the same server compare equal whatever their paths. */
function serverOf(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

function resolveBaseUrl(environment: GatewayEnvironment, override: string | undefined): Pick<RunPlan, 'baseUrl' | 'displayBaseUrl' | 'host' | 'isOverride'> {
  const raw = override ?? environment.baseUrl;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // A bad --base-url is a configuration error with a message, not a crash.
    throw inputError('--base-url', 'baseUrl', `Expected an http(s) URL such as http://127.0.0.1:4000, received "${raw}"`);
  }
  const display = new URL(url.href);
  display.username = '';
  display.password = '';
  const isOverride = override !== undefined && !environment.runtimeUrl && serverOf(url) !== serverOf(new URL(environment.baseUrl));
  return { baseUrl: url.href.replace(/\/+$/, ''), displayBaseUrl: display.href.replace(/\/+$/, ''), host: url.host, isOverride };
}

/** Picks the environment, the checks and the credentials; throws ProofbookInputError on anything misconfigured. */
export function planRun(input: PlanInput): RunPlan {
  const environment = input.gateway.environments[input.environment];
  if (!environment) {
    const known = Object.keys(input.gateway.environments).join(', ');
    throw inputError('--env', 'env', `unknown environment "${input.environment}"; ${GATEWAY_FILE} defines: ${known}`);
  }
  const unknown = (input.only ?? []).filter((entry) => !input.checks.some((check) => selects(entry, check)));
  if (unknown.length) {
    const names = [...input.checks.map((c) => c.id), ...new Set(input.checks.flatMap((c) => (c.group ? [c.group] : [])))];
    const message = unknown.map((u) => `no check matches "${u}"${didYouMean(u, names)}`).join('; ');
    throw inputError('--only', 'only', message, `check ids are: ${input.checks.map((c) => c.id).join(', ')}`);
  }
  const checks = input.checks.filter(
    (check) => (!check.environments || check.environments.includes(input.environment)) && (!input.only?.length || input.only.some((entry) => selects(entry, check))),
  );
  const registry: ProbeRegistry = probes;
  const needed = new Set(checks.flatMap((check) => registry[check.kind]?.credentials(check) ?? []));
  const credentials: ProbeContext['credentials'] = {};
  for (const need of needed) {
    const name = need === 'key' ? environment.keyEnv : environment.adminKeyEnv;
    const value = name ? input.env[name] : undefined;
    if (!name || !value) {
      const field = need === 'key' ? 'keyEnv' : 'adminKeyEnv';
      throw inputError(GATEWAY_FILE, `environments.${input.environment}.${field}`, name ? `${name} is not set; export it before probing (the value is read, never stored)` : `no ${field} is configured but a selected check uses auth: admin`);
    }
    credentials[need === 'key' ? 'key' : 'adminKey'] = value;
  }
  return { environment, ...resolveBaseUrl(environment, input.baseUrl), credentials, checks };
}
