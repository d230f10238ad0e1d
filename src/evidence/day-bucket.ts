import { passedAfterRetry, type EvidenceRecord, type Verdict } from '../schemas/evidence.ts';
import { failureKey, MAX_FAILURE_SPANS, type DailyBucket, type FailureSpan } from '../schemas/history.ts';

/**
 * One check × target × origin × provenance over one UTC day, folded from its records in time order (issue 28):
 * verdict counts, the passes that needed a retry, the runs whose outcome flipped, and the failures as spans so
 * /status can leave out the ones that fell in a maintenance window or that the baseline expects.
 */

type CountedVerdict = DailyBucket['lastVerdict'];

/** `expected-fail` is a status-page view of a failure; history counts what was observed. */
const counted = (verdict: Verdict): CountedVerdict => (verdict === 'expected-fail' ? 'fail' : verdict);

/** A run that answered well enough: a pass, or a degraded (slow) answer. */
const isUp = (verdict: CountedVerdict) => verdict === 'pass' || verdict === 'degraded';

/** A record with the run id it came from (records of older runs may lack a distinct one). */
export interface DayRecord {
  record: EvidenceRecord;
  runId: string;
}

/** Records of one bucket in time order: finish time, then run id, so the fold does not depend on reading order. */
function inTimeOrder(records: readonly DayRecord[]): DayRecord[] {
  return [...records].sort((a, b) => Date.parse(a.record.finishedAt) - Date.parse(b.record.finishedAt) || (a.runId < b.runId ? -1 : a.runId > b.runId ? 1 : 0));
}

/** Folds the records of one bucket (same check, target, origin and provenance; at least one) into it. */
export function foldBucket(records: readonly DayRecord[]): DailyBucket {
  const ordered = inTimeOrder(records);
  const first = ordered[0]!.record;
  const bucket: DailyBucket = {
    checkId: first.checkId, target: first.target, origin: first.origin, provenance: first.provenance,
    pass: 0, fail: 0, degraded: 0, error: 0, flaky: 0, unstable: 0,
    firstAt: first.startedAt, lastAt: first.finishedAt, lastVerdict: counted(first.verdict), failures: [],
  };
  const spans: FailureSpan[] = [];
  let previous: CountedVerdict | undefined;
  for (const { record } of ordered) {
    const verdict = counted(record.verdict);
    bucket[verdict]++;
    const isRetriedPass = passedAfterRetry(record);
    if (isRetriedPass) bucket.flaky++;
    if (isRetriedPass || (previous !== undefined && isUp(previous) !== isUp(verdict))) bucket.unstable++;
    if (record.startedAt < bucket.firstAt) bucket.firstAt = record.startedAt;
    bucket.lastAt = record.finishedAt;
    bucket.lastVerdict = verdict;
    if (!isUp(verdict)) addFailure(spans, record, previous !== undefined && !isUp(previous));
    previous = verdict;
  }
  bucket.failures = spans;
  return bucket;
}

/** Extends the open span when this failure continues it (same kind, no other verdict between), else opens one. */
function addFailure(spans: FailureSpan[], record: EvidenceRecord, continues: boolean): void {
  const key = failureKey(record);
  const last = spans.at(-1);
  if (last && ((continues && last.key === key) || spans.length >= MAX_FAILURE_SPANS)) {
    last.to = record.finishedAt;
    last.count++;
    return;
  }
  spans.push({ from: record.startedAt, to: record.finishedAt, count: 1, ...(key ? { key } : {}) });
}
