import type { ConditionResult, FailureClass, Measured, Verdict } from '../schemas/evidence.ts';
import type { ProbeFailure } from '../schemas/observation.ts';

/** A condition as an evaluator states it: how bad a miss is, and which class a miss belongs to. */
export interface Condition extends ConditionResult {
  /** `degrade` misses make the check `degraded` instead of `fail` (slow, or partly working). */
  severity: 'fail' | 'degrade';
  failureClass: FailureClass;
}

/** What a check concludes from an observation. Pure data, ready to become an EvidenceRecord. */
export interface CheckOutcome {
  verdict: Verdict;
  failureClass: FailureClass | null;
  summary: string;
  conditions: ConditionResult[];
  measured: Measured;
}

/** Values shown as `actual` are cut to this length (they are rendered on the site). */
const MAX_ACTUAL = 200;

/** Short printable form of any value for `actual`. */
export function show(value: unknown): string {
  const text = typeof value === 'string' ? value : value === undefined ? '(absent)' : JSON.stringify(value);
  return text.length > MAX_ACTUAL ? `${text.slice(0, MAX_ACTUAL - 1)}…` : text;
}

/** Builds a condition; misses default to `fail` / `expectation`. */
export function condition(text: string, ok: boolean, actual: unknown, options: Partial<Pick<Condition, 'severity' | 'failureClass'>> = {}): Condition {
  return { condition: text, ok, actual: show(actual), severity: options.severity ?? 'fail', failureClass: options.failureClass ?? 'expectation' };
}

/**
 * The verdict rule, shared by every kind: a probe failure (no usable answer) is `fail` with its class; otherwise
 * the first missed `fail` condition decides; otherwise a missed `degrade` condition makes it `degraded`.
 */
export function decide(conditions: readonly Condition[], probeFailure: ProbeFailure | null, measured: Measured, passSummary: string): CheckOutcome {
  const results = conditions.map(({ condition: c, ok, actual }) => ({ condition: c, ok, ...(actual !== undefined ? { actual } : {}) }));
  if (probeFailure) {
    return { verdict: 'fail', failureClass: probeFailure.failureClass, summary: `${probeFailure.failureClass}: ${probeFailure.message}`, conditions: results, measured };
  }
  const hard = conditions.find((c) => !c.ok && c.severity === 'fail');
  const soft = conditions.find((c) => !c.ok && c.severity === 'degrade');
  const miss = hard ?? soft;
  if (!miss) return { verdict: 'pass', failureClass: null, summary: passSummary, conditions: results, measured };
  return {
    verdict: hard ? 'fail' : 'degraded',
    failureClass: miss.failureClass,
    summary: `${miss.condition} — got ${miss.actual}`,
    conditions: results,
    measured,
  };
}

/** `12.3 ms` for summaries. */
export function ms(value: number | undefined): string {
  return value === undefined ? '?' : `${Math.round(value * 10) / 10} ms`;
}
