import type { Gateway } from '../schemas/gateway.ts';
import { secretFormsRegexes } from './secret-forms.ts';

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

/** Compiled patterns per secret value: compiling per call would cost more than the matching. */
const formsCache = new Map<string, RegExp[]>();
function formsOf(value: string): RegExp[] {
  let regexes = formsCache.get(value);
  if (!regexes) {
    regexes = secretFormsRegexes(value);
    if (formsCache.size > 64) formsCache.clear();
    formsCache.set(value, regexes);
  }
  return regexes;
}

/** Replaces every secret value, in any of its encoded forms (see secret-forms.ts), in `text`. */
export function redactSecretValues(text: string, secrets: readonly SecretValue[]): string {
  let out = text;
  for (const secret of secrets) {
    for (const regex of formsOf(secret.value)) out = out.replace(regex, `[redacted:${secret.name}]`);
  }
  return out;
}

/** Replaces every secret value (in any of its encoded forms) and every Bearer/Basic credential in `text`. */
export function redactText(text: string, secrets: readonly SecretValue[]): string {
  return redactSecretValues(text, secrets).replace(BEARER_PATTERN, (_match, scheme: string) => `${scheme} [redacted]`);
}

/** Redacts the start of a secret that `text` ends with (at least MIN_SECRET_LENGTH characters of it). */
function redactCutEnd(text: string, secrets: readonly SecretValue[]): string {
  for (const secret of secrets) {
    for (let length = Math.min(secret.value.length - 1, text.length); length >= MIN_SECRET_LENGTH; length--) {
      if (text.endsWith(secret.value.slice(0, length))) return `${text.slice(0, text.length - length)}[redacted:${secret.name}]`;
    }
  }
  return text;
}

/**
 * {@link redactText} for a text that may have been cut short (a body capped by the probe, a stream stopped at its
 * byte limit): a cut can end inside a secret, and the start of a secret no longer matches the secret. Such an end
 * (at least MIN_SECRET_LENGTH characters) is redacted too, so no prefix of a secret survives a cut (issue 25 item 2).
 */
export function redactCutText(text: string, secrets: readonly SecretValue[]): string {
  return redactCutEnd(redactText(text, secrets), secrets);
}

/**
 * An observation as the checks may see it: every secret value gone, capped ends included, so whatever a check
 * cuts into a summary or an `actual` cannot hold part of one. Bearer-looking text is left to the record's own
 * redaction, so a check can still match a `WWW-Authenticate: Bearer realm=…` header.
 */
export function redactObservation<T>(observation: T, secrets: readonly SecretValue[]): T {
  return redactDeep(observation, secrets, (text) => redactCutEnd(redactSecretValues(text, secrets), secrets));
}

/** The first `max` characters of `text` once redacted (never cut first: a cut secret escapes redaction), marked `…` when cut. */
export function redactedExcerpt(text: string, max: number, secrets: readonly SecretValue[]): string {
  const redacted = redactCutText(text, secrets);
  return redacted.length > max ? `${redacted.slice(0, max - 1)}…` : redacted;
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

/**
 * Returns a copy of `value` with {@link redactText} (or `redact`, e.g. {@link redactCutText} for observations whose
 * bodies were capped) applied to every string in it, keys included.
 */
export function redactDeep<T>(value: T, secrets: readonly SecretValue[], redact: (text: string, secrets: readonly SecretValue[]) => string = redactText): T {
  if (typeof value === 'string') return redact(value, secrets) as T;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, secrets, redact)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[redactText(key, secrets)] = redactDeep(item, secrets, redact);
    return out as T;
  }
  return value;
}
