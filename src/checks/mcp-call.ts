import type { McpCallCheck } from '../schemas/depth-check.ts';
import type { McpCallObservation } from '../schemas/observation.ts';
import { round } from './http.ts';
import { condition, decide, show, type CheckOutcome, type Condition } from './outcome.ts';

/** Conditions of an `mcp-call` check: the call came back without `isError`, and its text says what it should. */
export function mcpCallConditions(check: McpCallCheck, obs: McpCallObservation): Condition[] {
  const out: Condition[] = [condition('initialize answered', obs.protocolVersion !== undefined, obs.protocolVersion ?? obs.failure?.message, { failureClass: obs.failure?.failureClass ?? 'protocol' })];
  if (obs.step !== 'done' || !obs.result) return out;
  // The gateway reports a failed call as a result with isError (an upstream with a bad credential, a broken server).
  out.push(condition(`${check.tool} isError == false`, obs.result.isError !== true, obs.result.isError === true ? obs.result.text ?? 'isError: true' : String(obs.result.isError ?? '(absent)')));
  if (check.expect.textMatches !== undefined) {
    out.push(condition(`text =~ /${check.expect.textMatches}/`, obs.result.text !== undefined && new RegExp(check.expect.textMatches, 'm').test(obs.result.text), obs.result.text ?? '(no text item)'));
  }
  return out;
}

/** Evaluates an `mcp-call` check: pure function of the check and the observation. */
export function evaluateMcpCall(check: McpCallCheck, obs: McpCallObservation): CheckOutcome {
  const measured = {
    ...(obs.status !== undefined ? { status: obs.status } : {}),
    latencyMs: round(obs.latencyMs),
    ...(obs.protocolVersion ? { protocolVersion: obs.protocolVersion } : {}),
    extra: {
      tool: check.tool,
      step: obs.step,
      isError: obs.result?.isError ?? null,
      text: obs.result?.text === undefined ? null : show(obs.result.text).slice(0, 120),
      ...(obs.rpcError ? { rpcError: `${obs.rpcError.code} ${obs.rpcError.message}`.slice(0, 120) } : {}),
    },
  };
  const text = obs.result?.text?.replace(/\s+/g, ' ').slice(0, 80);
  return decide(mcpCallConditions(check, obs), obs.failure, measured, `${check.tool} answered${text ? `: ${text}` : ''}`);
}
