import type { OutstandingItem } from '../schemas/outstanding.ts';
import { worstState, type OutstandingStatus, type RowState, type StatusRow } from './model.ts';

/**
 * State of one closing check: the worst of the rows it names, ignoring rows that are only an origin's
 * limitation (another origin passes them). `missing` when no row matches.
 */
export function closingState(rows: readonly StatusRow[], closing: { check: string; target?: string; origin?: string }): RowState {
  const matched = rows.filter(
    (row) =>
      row.checkId === closing.check &&
      (closing.target === undefined || row.target === closing.target) &&
      (closing.origin === undefined || row.origin === closing.origin),
  );
  if (matched.length === 0) return 'missing';
  const counted = matched.filter((row) => row.state !== 'limited');
  return counted.length === 0 ? 'limited' : worstState(counted.map((row) => row.state));
}

/** Each outstanding item with the state of its closing checks; ready to close when all pass fresh. */
export function judgeOutstanding(items: readonly OutstandingItem[], rows: readonly StatusRow[]): OutstandingStatus[] {
  return items.map((item) => {
    const closes = item.closes.map((closing) => ({ ...closing, state: closingState(rows, closing) }));
    return { item, closes, isReadyToClose: closes.every((closing) => closing.state === 'pass') };
  });
}
