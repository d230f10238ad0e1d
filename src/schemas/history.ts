import { z } from 'astro/zod';
import { EVIDENCE_SCHEMA_VERSION, FailureClassSchema, OriginSchema, type EvidenceRecord, type FailureClass } from './evidence.ts';
import { CheckIdSchema } from './check-id.ts';
import { ProvenanceSchema } from './provenance.ts';

/** Most failure spans one bucket keeps; later failures of the day extend the last span (a coarser time range). */
export const MAX_FAILURE_SPANS = 48;

/**
 * Consecutive failures (`fail` or `error`) of one kind within a day, ended by any other verdict or another kind,
 * so /status can tell which failures fell in a maintenance window and which the baseline expects (issue 28).
 */
export const FailureSpanSchema = z.object({
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
  count: z.number().int().positive(),
  /** The failure class, with the HTTP status when one was measured. @example 'http_status:502' */
  key: z.string().optional(),
});

/** Verdict counts of one check × target × origin over one UTC day. */
export const DailyBucketSchema = z.object({
  checkId: CheckIdSchema,
  target: z.string(),
  origin: OriginSchema,
  pass: z.number().int().nonnegative().default(0),
  fail: z.number().int().nonnegative().default(0),
  degraded: z.number().int().nonnegative().default(0),
  error: z.number().int().nonnegative().default(0),
  firstAt: z.iso.datetime({ offset: true }),
  lastAt: z.iso.datetime({ offset: true }),
  lastVerdict: z.enum(['pass', 'fail', 'degraded', 'error']),
  /** Real, demo or sample evidence; buckets written before it existed are real, unless their target is `demo`. */
  provenance: ProvenanceSchema.default('real'),
  /** Of the passes, those that needed a retry (flaky). */
  flaky: z.number().int().nonnegative().default(0),
  /** Runs that passed only after a retry, or whose outcome (pass or not) differs from the run before that day. */
  unstable: z.number().int().nonnegative().default(0),
  /** The day's failures in time order (absent in buckets written before spans were kept). */
  failures: z.array(FailureSpanSchema).optional(),
});

/** Buckets of the `demo` environment written before buckets carried `provenance` came from the demo gateway. */
function demoBucketsAreDemo(input: unknown): unknown {
  const bucket = input as { target?: unknown };
  return bucket && typeof bucket === 'object' && bucket.target === 'demo' && !('provenance' in bucket) ? { ...bucket, provenance: 'demo' } : input;
}

/**
 * `evaluation/history/<yyyy-mm-dd>.json`: the day's buckets, recomputed from that day's raw runs at ingest
 * (so re-ingesting is idempotent) and kept after the raw runs are compacted away.
 */
export const DailyHistorySchema = z.object({
  schemaVersion: z.literal(EVIDENCE_SCHEMA_VERSION),
  /** UTC day. @example '2026-11-24' */
  date: z.iso.date(),
  /** Run ids the buckets were computed from (so compaction knows the day is covered). */
  runCount: z.number().int().nonnegative(),
  buckets: z.array(z.preprocess(demoBucketsAreDemo, DailyBucketSchema)),
});

export type DailyBucket = z.output<typeof DailyBucketSchema>;
export type FailureSpan = z.output<typeof FailureSpanSchema>;
export type DailyHistory = z.output<typeof DailyHistorySchema>;

/** The kind of a failure as spans and the baseline see it: its class, with the HTTP status when one was measured. */
export function failureKey(record: Pick<EvidenceRecord, 'failureClass' | 'measured'>): string | undefined {
  if (record.failureClass === null) return undefined;
  return record.measured.status === undefined ? record.failureClass : `${record.failureClass}:${record.measured.status}`;
}

/** A span's key read back: the failure class and the status, when the key names a known class. */
export function parseFailureKey(key: string | undefined): { failureClass: FailureClass; status?: number } | undefined {
  if (key === undefined) return undefined;
  const [name, status] = key.split(':');
  const parsed = FailureClassSchema.safeParse(name);
  if (!parsed.success) return undefined;
  return status === undefined ? { failureClass: parsed.data } : { failureClass: parsed.data, status: Number(status) };
}
