import type { CheckKind, CheckOf } from '../schemas/check.ts';
import type { ObservationFor } from '../checks/registry.ts';
import type { ObservationCore } from '../schemas/observation.ts';
import { probeAuthMatrix } from './auth-matrix.ts';
import { probeClientProfile } from './client-profile.ts';
import { probeCodexCli } from './codex-cli/probe.ts';
import type { ProbeContext } from './context.ts';
import { probeHttp } from './http.ts';
import { probeMcp } from './mcp.ts';
import { probeMcpCall } from './mcp-call.ts';
import { probeMcpHealth } from './mcp-health.ts';
import { probeMcpScope } from './mcp-scope.ts';
import { probeSseCapture } from './sse-capture.ts';

/** A probe kind: the I/O that observes, and which credentials it needs. Judging is `src/checks/`'s. */
export interface Probe<C, O extends ObservationCore = ObservationCore> {
  run(check: C, ctx: ProbeContext): Promise<O>;
  /** Credentials the check sends, so a missing env var is a configuration error before anything runs. */
  credentials(check: C): Array<'key' | 'admin'>;
}

const fromAuth = (auth: string): Array<'key' | 'admin'> => (auth === 'key' ? ['key'] : auth === 'admin' ? ['admin'] : []);
const keyOnly = (): Array<'key' | 'admin'> => ['key'];

/**
 * Every probe kind by `kind:` value (STYLE.md §2). A new kind is one schema in `src/schemas/check.ts`, one
 * evaluator in `src/checks/registry.ts` and one entry here; the `satisfies` below fails to compile until all exist.
 */
export const probes = {
  http: { run: probeHttp, credentials: (check) => fromAuth(check.auth) },
  'auth-matrix': { run: probeAuthMatrix, credentials: (check) => (check.paths.some((row) => row.right !== undefined) ? ['key'] : []) },
  mcp: { run: probeMcp, credentials: (check) => fromAuth(check.auth) },
  'sse-capture': { run: probeSseCapture, credentials: (check) => fromAuth(check.auth) },
  'client-profile': { run: (check, ctx) => probeClientProfile(check, ctx), credentials: keyOnly },
  'codex-cli': { run: probeCodexCli, credentials: keyOnly },
  'mcp-health': { run: probeMcpHealth, credentials: (check) => fromAuth(check.auth) },
  'mcp-call': { run: probeMcpCall, credentials: (check) => fromAuth(check.auth) },
  'mcp-scope': { run: probeMcpScope, credentials: (check) => fromAuth(check.auth) },
} satisfies { [K in CheckKind]: Probe<CheckOf<K>, ObservationFor<K>> };

export type ProbeKind = keyof typeof probes;

/** A registry with any set of kinds, for callers that add their own (tests). */
export type ProbeRegistry = Record<string, Probe<any, any>>;
