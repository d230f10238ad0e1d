import { z } from 'astro/zod';
import { VerdictSchema } from './evidence.ts';
import { RunHeadSchema } from './eval-run.ts';
import { CheckIdSchema } from './page-frontmatter.ts';

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
