import { EvidenceRecordSchema, type EvidenceRecord, type EvidenceRecordInput } from '../../src/schemas/evidence.ts';
import type { DailyHistory } from '../../src/schemas/history.ts';
import type { StatusCheck } from '../../src/status/model.ts';

export const NOW = new Date('2026-11-24T15:00:00Z');
const HOUR = 3_600_000;

/** An ISO time `hours` before NOW. */
export function hoursAgo(hours: number): string {
  return new Date(NOW.getTime() - hours * HOUR).toISOString();
}

/** A run id `hours` before NOW for an origin. */
export function runIdAt(hours: number, origin: string, suffix = 'abcd'): string {
  return `${hoursAgo(hours).replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z')}-${origin}-${suffix}`;
}

type RecordOptions = Partial<EvidenceRecordInput> & { checkId: string; hoursAgo?: number };

/** A valid evidence record; defaults to a pass of `internal` from `sandbox` one hour ago. */
export function record(options: RecordOptions): EvidenceRecord {
  const { hoursAgo: age = 1, ...rest } = options;
  const origin = rest.origin ?? 'sandbox';
  return EvidenceRecordSchema.parse({
    target: 'internal',
    origin,
    runId: runIdAt(age, origin),
    startedAt: hoursAgo(age + 0.001),
    finishedAt: hoursAgo(age),
    verdict: 'pass',
    summary: 'ok',
    source: { type: 'probe', kind: 'http' },
    ...rest,
  });
}

/** A check with a 24 h window unless given. */
export function check(id: string, freshnessHours = 24, extra: Partial<StatusCheck> = {}): StatusCheck {
  return { id, title: `Title of ${id}`, freshness: freshnessHours * HOUR, ...extra };
}

/** A history day with one bucket per given check. */
export function historyDay(date: string, buckets: { checkId: string; pass?: number; fail?: number; degraded?: number; error?: number }[]): DailyHistory {
  return {
    schemaVersion: 1,
    date,
    runCount: 1,
    buckets: buckets.map((bucket) => ({
      target: 'internal',
      origin: 'sandbox',
      pass: 0,
      fail: 0,
      degraded: 0,
      error: 0,
      firstAt: `${date}T00:00:00Z`,
      lastAt: `${date}T23:00:00Z`,
      lastVerdict: 'pass' as const,
      ...bucket,
    })),
  };
}
