import type { Dispatcher } from 'undici';
import type { AuthMode } from '../schemas/check.ts';
import type { SecretValue } from '../evidence/redact.ts';
import type { GatewayEnvironment } from '../schemas/gateway.ts';

/** Default cap on the body bytes one response may contribute (the rest is discarded and the read stops). */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** Everything a probe needs from its surroundings; clock, dispatcher and credentials are passed in. */
export interface ProbeContext {
  environmentId: string;
  environment: GatewayEnvironment;
  /** Base URL actually probed (the environment's, or `--base-url`), without a trailing slash. */
  baseUrl: string;
  origin: string;
  dispatcher: Dispatcher;
  /** Fires at the probe's deadline or the run's, whichever comes first. */
  signal: AbortSignal;
  /** Values read from `keyEnv` / `adminKeyEnv`; never written anywhere. */
  credentials: { key?: string; adminKey?: string };
  maxBodyBytes: number;
  /** Monotonic milliseconds. */
  now: () => number;
  /** Secret values (by env var name): a probe that cuts what it saw into a message redacts it first. */
  secrets?: readonly SecretValue[];
}

/** Joins the base URL and a path without doubling or dropping the slash. */
export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
}

/** The Authorization header for an auth mode (Traefik gates on `Authorization: Bearer …`, litellm-traefik.md §4). */
export function authHeaders(ctx: Pick<ProbeContext, 'credentials'>, mode: AuthMode, wrongKey = 'sk-proofbook-wrong-key'): Record<string, string> {
  const value = mode === 'key' ? ctx.credentials.key : mode === 'admin' ? ctx.credentials.adminKey : mode === 'wrong-key' ? wrongKey : undefined;
  return value ? { authorization: `Bearer ${value}` } : {};
}

/** `x-mcp-servers` for a list of servers (it only narrows what the key may use). */
export function scopeHeaders(servers: readonly string[]): Record<string, string> {
  return servers.length ? { 'x-mcp-servers': servers.join(',') } : {};
}
