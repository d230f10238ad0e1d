import type { Gateway } from '../schemas/gateway.ts';

/**
 * Redaction is applied before anything reaches disk or stdout (DESIGN.md "Evidence"; litellm-traefik.md §6.8:
 * gateways echo credentials in error bodies). Two layers: header names that always carry secrets, and the
 * literal values of every configured secret env var wherever they appear.
 */

/** A secret value and the env var NAME it came from (the name is safe to print). */
export interface SecretValue {
  name: string;
  value: string;
}

/** Headers whose value is a credential whatever it holds. */
export const SENSITIVE_HEADERS = new Set(['authorization', 'proxy-authorization', 'x-litellm-api-key', 'cookie', 'set-cookie', 'x-api-key', 'api-key']);

/** Values shorter than this are not redacted by value: replacing "a" everywhere would destroy the evidence. */
const MIN_SECRET_LENGTH = 4;

const BEARER_PATTERN = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{4,}/gi;

/** Values of every `keyEnv`/`adminKeyEnv` named in the gateway definition that are set in `env`. */
export function collectSecrets(gateway: Gateway, env: Readonly<Record<string, string | undefined>>): SecretValue[] {
  const names = new Set<string>();
  for (const environment of Object.values(gateway.environments)) {
    names.add(environment.keyEnv);
    if (environment.adminKeyEnv) names.add(environment.adminKeyEnv);
  }
  const secrets: SecretValue[] = [];
  for (const name of names) {
    const value = env[name];
    if (value && value.length >= MIN_SECRET_LENGTH) secrets.push({ name, value });
  }
  return secrets;
}

/** The forms a secret takes in transcripts: as is, JSON-escaped, URL-encoded, base64 (Basic auth). */
function variants(value: string): string[] {
  const forms = new Set([value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value), Buffer.from(value).toString('base64')]);
  return [...forms].filter((form) => form.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
}

/** Replaces every secret value (in any of its encoded forms) and every Bearer/Basic credential in `text`. */
export function redactText(text: string, secrets: readonly SecretValue[]): string {
  let out = text;
  for (const secret of secrets) {
    for (const form of variants(secret.value)) {
      if (out.includes(form)) out = out.split(form).join(`[redacted:${secret.name}]`);
    }
  }
  return out.replace(BEARER_PATTERN, (_match, scheme: string) => `${scheme} [redacted]`);
}

/** Redacts a header map: sensitive names lose their value entirely, the rest get {@link redactText}. */
export function redactHeaders(
  headers: Readonly<Record<string, string | string[] | undefined>>,
  secrets: readonly SecretValue[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers)) {
    if (raw === undefined) continue;
    const value = Array.isArray(raw) ? raw.join(', ') : raw;
    out[name] = SENSITIVE_HEADERS.has(name.toLowerCase()) ? '[redacted]' : redactText(value, secrets);
  }
  return out;
}

/** Returns a copy of `value` with {@link redactText} applied to every string in it (keys included). */
export function redactDeep<T>(value: T, secrets: readonly SecretValue[]): T {
  if (typeof value === 'string') return redactText(value, secrets) as T;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, secrets)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[redactText(key, secrets)] = redactDeep(item, secrets);
    return out as T;
  }
  return value;
}
