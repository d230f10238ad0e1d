/**
 * What answered a run (issue 26): the LiteLLM version from its readiness route, and the Traefik version from
 * Traefik's own API when the caller knows where that is (it listens on its own loopback port, never behind the
 * public entry point). A version that cannot be read is left out, never guessed.
 */
import type { Dispatcher } from 'undici';
import type { GatewayFingerprint } from '../schemas/eval-run.ts';
import { sendRequest } from './http-client.ts';

export interface FingerprintOptions {
  baseUrl: string;
  /** The client key; the readiness route sits behind Traefik's Bearer gate like every API path. */
  key?: string;
  /** Traefik's API base URL (`/api/version`), when known. */
  traefikApiUrl?: string;
  dispatcher: Dispatcher;
  signal: AbortSignal;
}

const MAX_BYTES = 64 * 1024;

async function getJson(url: string, headers: Record<string, string>, options: FingerprintOptions): Promise<Record<string, unknown> | undefined> {
  const t0 = performance.now();
  const exchange = await sendRequest(
    { label: `GET ${url}`, method: 'GET', url, headers },
    { dispatcher: options.dispatcher, signal: options.signal, maxBodyBytes: MAX_BYTES, now: () => performance.now(), t0 },
  );
  const response = exchange.response;
  if (!response || response.status !== 200 || response.truncated) return undefined;
  try {
    const value: unknown = JSON.parse(response.body);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    // Not JSON: this gateway does not say its version there.
    return undefined;
  }
}

const stringAt = (body: Record<string, unknown> | undefined, field: string): string | undefined =>
  typeof body?.[field] === 'string' && body[field] !== '' ? (body[field] as string) : undefined;

/**
 * Reads the versions. LiteLLM up to 1.8x put `litellm_version` in `/health/readiness`; 1.10x keeps the public route
 * terse and answers it on `/health/readiness/details` (key required), which is asked only when the first has none.
 */
export async function readFingerprint(options: FingerprintOptions): Promise<GatewayFingerprint | undefined> {
  const auth: Record<string, string> = options.key ? { authorization: `Bearer ${options.key}` } : {};
  const base = options.baseUrl.replace(/\/+$/, '');
  const litellmVersion =
    stringAt(await getJson(`${base}/health/readiness`, auth, options), 'litellm_version') ??
    (options.key ? stringAt(await getJson(`${base}/health/readiness/details`, auth, options), 'litellm_version') : undefined);
  const traefikVersion = options.traefikApiUrl
    ? stringAt(await getJson(`${options.traefikApiUrl.replace(/\/+$/, '')}/api/version`, {}, options), 'Version')
    : undefined;
  if (litellmVersion === undefined && traefikVersion === undefined) return undefined;
  return { ...(litellmVersion ? { litellmVersion } : {}), ...(traefikVersion ? { traefikVersion } : {}) };
}
