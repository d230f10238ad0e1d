/** Results another tool judged itself (a JUnit report, a test script's log), relayed under one rule for every check. */
import type { ReportedObservation } from '../schemas/observation.ts';
import { show, type CheckOutcome } from './outcome.ts';

/** Conditions shown on the record: the tool's own steps, capped so a long suite does not flood the page. */
const MAX_STEPS = 20;

/**
 * The relay rule: a transport failure the tool names decides first; then any failed step fails the check (a client
 * that cannot do one of its steps cannot be used), errors without failures are `error`, only skipped steps are
 * `degraded`, and all steps passing passes.
 */
export function evaluateReported(obs: ReportedObservation): CheckOutcome {
  const count = (outcome: string) => obs.steps.filter((s) => s.outcome === outcome).length;
  const [passed, failed, errors, skipped] = [count('pass'), count('fail'), count('error'), count('skipped')];
  const conditions = obs.steps
    .filter((s) => s.outcome !== 'pass' || obs.steps.length <= MAX_STEPS)
    .slice(0, MAX_STEPS)
    .map((s) => ({ condition: `${s.label} passes`, ok: s.outcome === 'pass', actual: show(s.actual ?? s.outcome) }));
  const single = obs.steps.length === 1 ? obs.steps[0] : undefined;
  const summary = single
    ? `${obs.reporter} ${single.label}: ${single.outcome}${single.actual ? ` — ${single.actual}` : ''}`
    : `${obs.reporter}: ${obs.steps.length} steps, ${passed} passed, ${failed} failed, ${errors} errors, ${skipped} skipped`;
  const measured = { ...(obs.latencyMs > 0 ? { latencyMs: Math.round(obs.latencyMs) } : {}), extra: { steps: obs.steps.length, passed, failed, errors, skipped } };
  if (obs.failure) return { verdict: 'fail', failureClass: obs.failure.failureClass, summary: `${obs.failure.failureClass}: ${obs.failure.message}`, conditions, measured };
  if (failed) return { verdict: 'fail', failureClass: 'expectation', summary, conditions, measured };
  if (errors || obs.steps.length === 0) return { verdict: 'error', failureClass: null, summary: obs.steps.length ? summary : `${obs.reporter}: no steps`, conditions, measured };
  if (passed === 0) return { verdict: 'degraded', failureClass: 'expectation', summary, conditions, measured };
  return { verdict: 'pass', failureClass: null, summary, conditions, measured };
}
