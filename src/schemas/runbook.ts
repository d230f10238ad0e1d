import { z } from 'astro/zod';
import { CheckIdSchema } from './check-id.ts';

/**
 * Runbooks that run (issue 29, DESIGN.md "Runbooks that run"): a fenced block opts in through its meta string,
 * e.g. ```` ```bash run=ci timeout=20s maxAge=24h ````. The block's own commands are then evidence like any probe:
 * `npm run runbooks` executes `run=ci` blocks and stores one record per block; `run=manual` blocks (restarts, key
 * rotation) are never executed by Proofbook, only listed; no import reads an operator's log of one yet.
 */

/** How a block is run: `ci` by `npm run runbooks`, `manual` only ever by an operator. */
export const RunModeSchema = z.enum(['ci', 'manual']);

/** Languages a runnable block may be written in: all of them run under `bash -euo pipefail`. */
export const RUNNABLE_LANGS = ['bash', 'sh', 'shell'] as const;

/** A runnable block as extracted from a docs page (src/runbooks/extract.ts): what runs, and how it is judged. */
export const RunbookBlockSchema = z.object({
  /** Check id of the block: `runbook.<page>.<heading>-<n>`. @example 'runbook.runbooks.gateway-routing.the-three-routers-1' */
  id: CheckIdSchema,
  /** Stable block id for readers: page, heading slug and index under that heading. @example 'runbooks/gateway-routing#the-three-routers-1' */
  blockId: z.string(),
  /** Docs entry id of the page (its path under content/docs without extension). @example 'runbooks/gateway-routing' */
  page: z.string(),
  /** Title of the page, from its frontmatter. */
  pageTitle: z.string(),
  /** The page's file, relative to the project root. @example 'content/docs/runbooks/gateway-routing.md' */
  file: z.string(),
  /** 1-based line of the opening fence. */
  line: z.number().int().positive(),
  /** Slug of the nearest heading above the block (`intro` before the first heading), as the page's anchor. */
  heading: z.string(),
  /** The heading as written, without Markdown. */
  headingText: z.string(),
  /** 1-based index among the runnable blocks under that heading. */
  index: z.number().int().positive(),
  /** 1-based position among the page's runnable blocks, in document order (how the page finds it at render). */
  ordinal: z.number().int().positive(),
  run: RunModeSchema,
  lang: z.enum(RUNNABLE_LANGS),
  /** The commands, as written in the fence. */
  code: z.string(),
  /** What the output must look like (cram-style: `...` any lines, a line ending ` (re)` is a regular expression). */
  expected: z.string().optional(),
  /** SHA-256 (hex) of the language, commands and expected output: evidence for another hash is stale. */
  sourceHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** Deadline for one execution, ms (`timeout=20s`). */
  timeoutMs: z.number().int().positive(),
  /** Evidence older than this is stale, ms (`maxAge=24h`). */
  maxAgeMs: z.number().int().positive(),
});

/** What a runbook block's evidence record keeps beside the usual fields (EvidenceRecord.runbook). */
export const RunbookEvidenceSchema = z.object({
  /** Docs entry id of the page. @example 'runbooks/gateway-routing' */
  page: z.string(),
  /** Stable block id. @example 'runbooks/gateway-routing#the-three-routers-1' */
  blockId: z.string(),
  /** The page's file and the fence's line when the block ran. @example 'content/docs/runbooks/gateway-routing.md:42' */
  location: z.string(),
  /** SHA-256 of the block's source when it ran; the block is stale once its source hashes differently. */
  sourceHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** Exit code of `bash -euo pipefail`; null when it was killed (timeout) or never started. */
  exitCode: z.number().int().nullable(),
  timedOut: z.boolean().default(false),
  /** stdout and stderr as they interleaved: redacted first, then capped at `outputLimit` bytes. */
  output: z.string(),
  /** Bytes the block printed in all, before the cap. */
  outputBytes: z.number().int().nonnegative(),
  truncated: z.boolean().default(false),
  durationMs: z.number().nonnegative(),
  /** `git rev-parse HEAD` of the checkout that ran it, when there was one. */
  gitCommit: z.string().regex(/^[0-9a-f]{7,64}$/).optional(),
});

export type RunMode = z.output<typeof RunModeSchema>;
export type RunbookBlock = z.output<typeof RunbookBlockSchema>;
export type RunbookEvidence = z.output<typeof RunbookEvidenceSchema>;
export type RunbookEvidenceInput = z.input<typeof RunbookEvidenceSchema>;
