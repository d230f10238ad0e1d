import type { CheckKind, CheckOf } from '../schemas/check.ts';
import { evaluateAuthMatrix } from '../checks/auth-matrix.ts';
import { evaluateHttp } from '../checks/http.ts';
import { evaluateMcp } from '../checks/mcp.ts';
import type { CheckOutcome } from '../checks/outcome.ts';
import { evaluateSse } from '../checks/sse.ts';
import { probeAuthMatrix } from './auth-matrix.ts';
import type { ProbeContext } from './context.ts';
import { probeHttp } from './http.ts';
import { probeMcp } from './mcp.ts';
import type { ProbeFailure, TranscriptEntry } from '../schemas/observation.ts';
import { probeSseCapture } from './sse-capture.ts';
import { clientProfileProbe, codexCliProbe } from './client-profile.ts';

/** What every observation has, whatever the kind. */
export interface ObservationCore {
  failure: ProbeFailure | null;
  latencyMs: number;
  transcript: TranscriptEntry[];
}

/** A probe kind: the I/O that observes, the pure evaluation, and which credentials it needs. */
export interface Probe<C, O extends ObservationCore = ObservationCore> {
  run(check: C, ctx: ProbeContext): Promise<O>;
  evaluate(check: C, observation: O, environmentId: string): CheckOutcome;
  /** Credentials the check sends, so a missing env var is a configuration error before anything runs. */
  credentials(check: C): Array<'key' | 'admin'>;
}

const fromAuth = (auth: string): Array<'key' | 'admin'> => (auth === 'key' ? ['key'] : auth === 'admin' ? ['admin'] : []);

/**
 * Every probe kind by `kind:` value (STYLE.md §2). A new kind (e.g. `client-profile`) is one schema in
 * `src/schemas/check.ts` plus one entry here; the `satisfies` below fails to compile until both exist.
 */
export const probes = {
  http: { run: probeHttp, evaluate: (check, obs) => evaluateHttp(check, obs), credentials: (check) => fromAuth(check.auth) },
  'auth-matrix': {
    run: probeAuthMatrix,
    evaluate: (check, obs) => evaluateAuthMatrix(check, obs),
    credentials: (check) => (check.paths.some((row) => row.right !== undefined) ? ['key'] : []),
  },
  mcp: { run: probeMcp, evaluate: (check, obs) => evaluateMcp(check, obs), credentials: (check) => fromAuth(check.auth) },
  'sse-capture': { run: probeSseCapture, evaluate: evaluateSse, credentials: (check) => fromAuth(check.auth) },
  'client-profile': clientProfileProbe,
  'codex-cli': codexCliProbe,
} satisfies { [K in CheckKind]: Probe<CheckOf<K>, any> };

export type ProbeKind = keyof typeof probes;

/** A registry with any set of kinds, for callers that add their own (tests, the client-profile helper). */
export type ProbeRegistry = Record<string, Probe<any, any>>;
