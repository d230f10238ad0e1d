import type { Provenance } from '../schemas/provenance.ts';
import type { CheckStatus, Overall, OverallState, StatusRow } from './model.ts';

/** The rule, as /status writes it under the overall state. */
export const OVERALL_RULE =
  'A check is down when, against some target, more than half of the origins that report on it fail; expected failures ' +
  'and origin limitations do not count, and stale evidence is no report. Major outage: more than half of the checks that ' +
  'report are down. Partial outage: at least one is down. Maintenance: none is down and a failing check is in a ' +
  'maintenance window. Unknown: more than half of the checks have no fresh evidence. Degraded: a check fails from a ' +
  'minority of its origins or answers slowly. Operational: every check that reports passes (a pass after a retry, flaky, ' +
  'is a pass). Decided on real evidence; when no check has fresh real evidence, on demo (then sample) evidence, and labelled so.';

/** What the rule makes of one check. */
export type Availability = 'up' | 'degraded' | 'down' | 'maintenance' | 'unknown' | 'explained';

const EXPLAINED = new Set(['expected-fail', 'limited']);
const FAILING = new Set(['fail', 'error']);

/** The provenance the overall state is decided on: real when any real row is fresh, else demo, else sample. */
export function overallBasis(checks: Iterable<CheckStatus>): Provenance {
  const fresh = new Set<Provenance>();
  for (const check of checks) for (const row of check.rows) if (!row.isStale) fresh.add(row.provenance);
  return fresh.has('real') ? 'real' : fresh.has('demo') ? 'demo' : fresh.has('sample') ? 'sample' : 'real';
}

/** One check by the quorum rule, reading only rows of `basis` provenance. */
export function availabilityOf(check: Pick<CheckStatus, 'rows'>, basis: Provenance): Availability {
  const rows = check.rows.filter((row) => row.provenance === basis);
  if (rows.length === 0) return 'unknown';
  const counted = rows.filter((row) => !EXPLAINED.has(row.state));
  if (counted.length === 0) return 'explained';
  const reporting = counted.filter((row) => row.state !== 'stale');
  if (reporting.length === 0) return 'unknown';
  const byTarget = new Map<string, StatusRow[]>();
  for (const row of reporting) byTarget.set(row.target, [...(byTarget.get(row.target) ?? []), row]);
  const isDown = [...byTarget.values()].some((origins) => origins.filter((row) => FAILING.has(row.state)).length * 2 > origins.length);
  if (isDown) return 'down';
  if (reporting.some((row) => row.state === 'maintenance')) return 'maintenance';
  if (reporting.some((row) => FAILING.has(row.state) || row.state === 'degraded')) return 'degraded';
  return 'up';
}

/** The one-line answer to "is it OK?" for a set of checks (the rule is OVERALL_RULE). */
export function judgeOverall(checks: Iterable<CheckStatus>): Overall {
  const list = [...checks];
  const provenance = overallBasis(list);
  const by: Record<Availability, string[]> = { up: [], degraded: [], down: [], maintenance: [], unknown: [], explained: [] };
  for (const check of list) by[availabilityOf(check, provenance)].push(check.id);
  const reporting = list.length - by.explained.length - by.unknown.length;
  const considered = list.length - by.explained.length;
  let state: OverallState;
  if (by.down.length > 0) state = by.down.length * 2 > reporting ? 'major-outage' : 'partial-outage';
  else if (by.maintenance.length > 0) state = 'maintenance';
  else if (considered === 0 || by.unknown.length * 2 > considered) state = 'unknown';
  else if (by.degraded.length > 0) state = 'degraded';
  else state = 'operational';
  const counts = Object.fromEntries(Object.entries(by).map(([key, ids]) => [key, ids.length])) as Overall['counts'];
  return { state, provenance, rule: OVERALL_RULE, counts, down: by.down, degraded: by.degraded, maintenance: by.maintenance, unknown: by.unknown };
}
