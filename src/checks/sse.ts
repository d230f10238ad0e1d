import type { SseCaptureCheck } from '../schemas/check.ts';
import type { SseObservation } from '../schemas/observation.ts';
import { resolveSseCheck } from '../probes/sse-capture.ts';
import { round } from './http.ts';
import { condition, decide, ms, type CheckOutcome, type Condition } from './outcome.ts';

/** Conditions of an `sse-capture` check (after per-environment overrides). */
export function sseConditions(check: SseCaptureCheck, obs: SseObservation): Condition[] {
  const e = check.expect;
  const out: Condition[] = [
    condition('stream opens with text/event-stream', obs.streamOpen, obs.status === undefined ? '(no response)' : `${obs.status} ${obs.contentType ?? ''}`.trim(), { failureClass: obs.status !== undefined && obs.status >= 400 ? 'http_status' : 'protocol' }),
    condition(`pings >= ${e.minPings} within ${check.window} ms`, obs.pingCount >= e.minPings, obs.pingCount),
  ];
  if (e.catalog !== 'any') {
    out.push(condition(`catalog ${e.catalog === 'absent' ? 'never arrives' : 'arrives'} on the stream`, obs.catalogSeen === (e.catalog === 'present'), obs.catalogSeen ? 'catalog seen' : 'no catalog'));
  }
  if (e.pingInterval !== undefined && obs.pingIntervalsMs.length) {
    const low = e.pingInterval * (1 - e.pingTolerance);
    const high = e.pingInterval * (1 + e.pingTolerance);
    const ok = obs.pingIntervalsMs.every((gap) => gap >= low && gap <= high);
    out.push(condition(`ping interval ≈ ${e.pingInterval} ms (±${Math.round(e.pingTolerance * 100)} %)`, ok, obs.pingIntervalsMs.map((gap) => Math.round(gap)).join(', '), { severity: 'degrade' }));
  }
  return out;
}

/** Evaluates an `sse-capture` check: pure function of the check and the observation. */
export function evaluateSse(raw: SseCaptureCheck, obs: SseObservation, environmentId: string): CheckOutcome {
  const check = resolveSseCheck(raw, environmentId);
  const measured = {
    ...(obs.status !== undefined ? { status: obs.status } : {}),
    ...(obs.contentType ? { contentType: obs.contentType } : {}),
    latencyMs: round(obs.headersMs ?? obs.latencyMs),
    pingCount: obs.pingCount,
    pingIntervalsMs: obs.pingIntervalsMs,
    eventCount: obs.eventCount,
    catalogSeen: obs.catalogSeen,
    bytes: obs.bytes,
    extra: { stopped: obs.stopped, windowMs: obs.windowMs },
  };
  const summary = `stream open in ${ms(obs.headersMs)}; ${obs.pingCount} pings in ${Math.round(obs.latencyMs)} ms, ${obs.catalogSeen ? 'catalog seen' : 'no catalog'}`;
  return decide(sseConditions(check, obs), obs.failure, measured, summary);
}
