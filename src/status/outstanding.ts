import type { OutstandingItem } from '../schemas/outstanding.ts';
import { PASSING_STATES, worstState, type OutstandingStatus, type RowState, type StatusRow } from './model.ts';
import { isReachabilityFailure } from './reachability.ts';

type Closing = { check: string; target?: string; origin?: string };

/** `target|origin` pairs whose fresh evidence shows the gateway could not be reached from that origin. */
export function unreachableScopes(rows: readonly StatusRow[]): Set<string> {
  const scopes = new Set<string>();
  for (const row of rows) {
    if (row.isStale || row.provenance !== 'real') continue;
    if (isReachabilityFailure({ verdict: row.verdict === 'expected-fail' ? 'fail' : row.verdict, failureClass: row.failureClass, measured: row.measured })) scopes.add(`${row.target}|${row.origin}`);
  }
  return scopes;
}

/**
 * State of one closing check, and why when it cannot close. Only real evidence counts; a row from an origin that
 * could not reach the target proves nothing about it (a client config that loads where the gateway does not
 * resolve); an expected failure or an origin's limitation elsewhere does not hold the item open.
 */
export function closingState(rows: readonly StatusRow[], closing: Closing, unreachable: ReadonlySet<string>): { state: RowState; reason?: string } {
  const matched = rows.filter(
    (row) =>
      row.checkId === closing.check &&
      (closing.target === undefined || row.target === closing.target) &&
      (closing.origin === undefined || row.origin === closing.origin),
  );
  if (matched.length === 0) return { state: 'missing', reason: 'no evidence yet' };
  const real = matched.filter((row) => row.provenance === 'real');
  if (real.length === 0) return { state: 'missing', reason: `only ${[...new Set(matched.map((row) => row.provenance))].join(' and ')} evidence, which closes nothing` };
  const counted = real.filter((row) => row.state !== 'limited' && row.state !== 'expected-fail');
  if (counted.length === 0) return { state: worstState(real.map((row) => row.state)), reason: 'no origin that reaches the gateway has evidence' };
  const reaching = counted.filter((row) => !unreachable.has(`${row.target}|${row.origin}`));
  if (reaching.length === 0) {
    return { state: 'limited', reason: `only from ${[...new Set(counted.map((row) => row.origin))].join(', ')}, which could not reach ${[...new Set(counted.map((row) => row.target))].join(', ')}` };
  }
  return { state: worstState(reaching.map((row) => row.state)) };
}

/** Each outstanding item with the state of its closing checks; ready to close when all of them pass (a flaky pass too) on real, fresh evidence. */
export function judgeOutstanding(items: readonly OutstandingItem[], rows: readonly StatusRow[]): OutstandingStatus[] {
  const unreachable = unreachableScopes(rows);
  return items.map((item) => {
    const closes = item.closes.map((closing) => ({ ...closing, ...closingState(rows, closing, unreachable) }));
    return { item, closes, isReadyToClose: closes.every((closing) => PASSING_STATES.has(closing.state)) };
  });
}
