import { z } from 'astro/zod';
import { EVIDENCE_SCHEMA_VERSION, OriginSchema } from './evidence.ts';
import { CheckIdSchema } from './check-id.ts';

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
});

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
  buckets: z.array(DailyBucketSchema),
});

export type DailyBucket = z.output<typeof DailyBucketSchema>;
export type DailyHistory = z.output<typeof DailyHistorySchema>;
