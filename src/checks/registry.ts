import type { CheckKind, CheckOf } from '../schemas/check.ts';
import type { Observation } from '../schemas/observation.ts';
import { evaluateAuthMatrix } from './auth-matrix.ts';
import { evaluateClientProfile } from './client-profile.ts';
import { evaluateCodexCli } from './codex-cli.ts';
import { evaluateHttp } from './http.ts';
import { evaluateMcp } from './mcp.ts';
import { evaluateMcpCall } from './mcp-call.ts';
import { evaluateMcpHealth } from './mcp-health.ts';
import { evaluateMcpScope } from './mcp-scope.ts';
import { evaluateRunbookBlock, type JudgedBlock } from './runbook-block.ts';
import type { CheckOutcome } from './outcome.ts';
import { evaluateReported } from './reported.ts';
import { evaluateSse } from './sse.ts';

/** Which observation each check kind is judged on. */
export interface ObservationKinds {
  http: 'http';
  'auth-matrix': 'auth-matrix';
  mcp: 'mcp';
  'sse-capture': 'sse-capture';
  'client-profile': 'client-profile';
  'codex-cli': 'codex-cli';
  'mcp-health': 'mcp-health';
  'mcp-call': 'mcp-call';
  'mcp-scope': 'mcp-scope';
}

/** The observation a check of kind `K` is judged on. */
export type ObservationFor<K extends CheckKind> = Extract<Observation, { kind: ObservationKinds[K] }>;

/** A pure judgement: the check's own definition over what was seen, for one environment. */
export type Evaluator<K extends CheckKind> = (check: CheckOf<K>, observation: ObservationFor<K>, environmentId: string) => CheckOutcome;

/**
 * The one judgement (STYLE.md §2): every check kind's evaluator by `kind:` value. A new kind is one schema in
 * `src/schemas/check.ts` plus one entry here and one probe in `src/probes/registry.ts`; the `satisfies` below
 * fails to compile until all exist.
 */
export const evaluators = {
  http: (check, obs) => evaluateHttp(check, obs),
  'auth-matrix': (check, obs) => evaluateAuthMatrix(check, obs),
  mcp: (check, obs) => evaluateMcp(check, obs),
  'sse-capture': evaluateSse,
  'client-profile': (check, obs) => evaluateClientProfile(check, obs),
  'codex-cli': (check, obs) => evaluateCodexCli(check, obs),
  'mcp-health': (check, obs) => evaluateMcpHealth(check, obs),
  'mcp-call': (check, obs) => evaluateMcpCall(check, obs),
  'mcp-scope': (check, obs) => evaluateMcpScope(check, obs),
} satisfies { [K in CheckKind]: Evaluator<K> };

/** The observation kind each check kind is judged on. */
export const observationKinds = { http: 'http', 'auth-matrix': 'auth-matrix', mcp: 'mcp', 'sse-capture': 'sse-capture', 'client-profile': 'client-profile', 'codex-cli': 'codex-cli', 'mcp-health': 'mcp-health', 'mcp-call': 'mcp-call', 'mcp-scope': 'mcp-scope' } as const satisfies ObservationKinds;

/**
 * Judges an observation with its check. Results another tool judged itself (`reported`) are relayed by one rule for
 * every kind. An observation of another kind than the check expects is an error outcome, not a throw.
 */
export function judge<K extends CheckKind>(check: CheckOf<K>, observation: Observation, environmentId: string): CheckOutcome {
  if (observation.kind === 'reported') return evaluateReported(observation);
  const expected: string = observationKinds[check.kind];
  if (observation.kind !== expected) {
    return { verdict: 'error', failureClass: null, summary: `a ${observation.kind} observation cannot be judged by ${check.kind} check ${check.id}`, conditions: [], measured: {} };
  }
  const evaluate = evaluators[check.kind] as Evaluator<K>;
  return evaluate(check, observation as ObservationFor<K>, environmentId);
}

/**
 * Judges an executed runbook block. Blocks are checks the docs define (src/schemas/runbook.ts), not
 * content/checks, so they have no entry in `evaluators`; their verdict rules live here all the same.
 */
export function judgeRunbookBlock(block: JudgedBlock, observation: Observation): CheckOutcome {
  if (observation.kind !== 'runbook-block') {
    return { verdict: 'error', failureClass: null, summary: `a ${observation.kind} observation cannot be judged by runbook block ${block.id}`, conditions: [], measured: {} };
  }
  return evaluateRunbookBlock(block, observation);
}
