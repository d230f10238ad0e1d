import type { StatusCheck } from '../../src/status/model.ts';

// Evidence builders (records, runs, history days, NOW) live in tests/support/evidence-fixtures.ts.

/** A check with a 24 h window unless given. */
export function check(id: string, freshnessHours = 24, extra: Partial<StatusCheck> = {}): StatusCheck {
  return { id, title: `Title of ${id}`, freshness: freshnessHours * 3_600_000, ...extra };
}
