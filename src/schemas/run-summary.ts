import { z } from 'astro/zod';
import { VerdictSchema } from './evidence.ts';
import { RunHeadSchema } from './eval-run.ts';
import { CheckIdSchema } from './check-id.ts';

/** Failing check ids kept per run summary; the rest is counted in `failingMore`. */
export const RUN_SUMMARY_FAILING_MAX = 10;

/**
 * What the `runs` collection stores per `evaluation/runs/<run-id>/run.json`: the run's head and its verdict
 * counts, not its records. The full run is read from evaluation/ only by the evidence page built for it,
 * so the data store (and the build's memory) does not grow with records × retained runs.
 */
export const RunSummarySchema = RunHeadSchema.extend({
  /** How many evidence records the run holds. */
  recordCount: z.number().int().nonnegative(),
  /** Records per verdict; a verdict the run never produced is absent. @example { pass: 198, fail: 2 } */
  verdicts: z.partialRecord(VerdictSchema, z.number().int().nonnegative()),
  /** The first few check ids whose record failed or errored, sorted. @example ['mcp.tools-list'] */
  failing: z.array(CheckIdSchema).max(RUN_SUMMARY_FAILING_MAX),
  /** Failing check ids beyond `failing`. */
  failingMore: z.number().int().nonnegative(),
});

export type RunSummary = z.output<typeof RunSummarySchema>;

/**
 * `evaluation/runs/<run-id>/summary.json`, written beside run.json by the store: the run's summary and the
 * size and SHA-256 of the run.json bytes it was made from, plus their mtime when that is safe to compare. A
 * reader that finds size and mtime unchanged, or else the hash matching, may use the summary instead of parsing
 * the whole run; any other case (missing, unreadable, hash differs) means "parse run.json".
 */
export const RunSummaryFileSchema = z.object({
  schemaVersion: z.literal(1),
  runJson: z.object({
    bytes: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** run.json's mtime (ms) when it was already old enough that any later write must change it (see vouchingMtime). */
    mtimeMs: z.number().nonnegative().optional(),
  }),
  summary: RunSummarySchema,
});

export type RunSummaryFile = z.output<typeof RunSummaryFileSchema>;
