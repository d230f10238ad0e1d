import { z } from 'astro/zod';
import { BaselineEntrySchema } from './baseline.ts';
import { CheckIdSchema } from './check-id.ts';
import { GatewayFingerprintSchema } from './eval-run.ts';
import { FailureClassSchema, OriginSchema, VerdictSchema } from './evidence.ts';
import { OutstandingItemSchema } from './outstanding.ts';
import { ProvenanceSchema } from './provenance.ts';

/**
 * The status model as `/status.json` publishes it: the one shape every surface reads (the status page, badges,
 * JUnit, the docs pages' banners). `src/status/` computes it; its TypeScript types come from here.
 */

/** status.json carries this so consumers can refuse a shape they do not know. */
export const STATUS_SCHEMA_VERSION = 1 as const;

/**
 * What a reader is told about one check × target × origin, worst first. `stale` and `missing` say the evidence
 * is too old or absent to tell; `limited` is a failure explained by where the probe ran.
 */
export const ROW_STATES = ['error', 'fail', 'degraded', 'stale', 'missing', 'expected-fail', 'limited', 'pass'] as const;
export const RowStateSchema = z.enum(ROW_STATES);

/** Measured values worth a table cell, copied out of the record so the model stays small. */
export const MeasuredDigestSchema = z.object({
  status: z.number().int().optional(),
  latencyMs: z.number().optional(),
  protocolVersion: z.string().optional(),
  toolCount: z.number().int().optional(),
  toolsByServer: z.record(z.string(), z.number().int()).optional(),
  pingCount: z.number().int().optional(),
});

/** Latest evidence for one check × target × origin, judged. */
export const StatusRowSchema = z.object({
  checkId: CheckIdSchema,
  target: z.string(),
  origin: OriginSchema,
  state: RowStateSchema,
  /** Verdict after the baseline: a baselined failure reads `expected-fail`. */
  verdict: VerdictSchema,
  failureClass: FailureClassSchema.nullable(),
  finishedAt: z.string(),
  ageMs: z.number(),
  isStale: z.boolean(),
  /** Start of the current run of this verdict (pass vs not pass), from the records seen. */
  since: z.string(),
  runId: z.string(),
  /** Real, demo or sample evidence: only real evidence closes an outstanding item. */
  provenance: ProvenanceSchema,
  /** `file:line` of an imported log, when the record came from one. */
  importedFrom: z.string().optional(),
  summary: z.string(),
  measured: MeasuredDigestSchema,
  /** Id of the baseline entry that matched. */
  baselineId: z.string().optional(),
  /** The record passes although a baseline entry expects it to fail. */
  isBaselineStale: z.boolean(),
  /** A runbook block's evidence whose source hash is not the block's current one: stale whatever its age. */
  isSourceChanged: z.boolean().optional(),
  /** Set when the failure is a limitation of this origin rather than an outage. */
  limitation: z.object({ failureClass: FailureClassSchema, passingOrigins: z.array(z.string()) }).optional(),
  /** The LiteLLM and Traefik versions of the run the record came from; absent for imports and runs that did not record them. */
  gateway: GatewayFingerprintSchema.optional(),
});

/** One check with its rows and a one-word rollup. */
export const CheckStatusSchema = z.object({
  id: z.string(),
  title: z.string(),
  group: z.string(),
  docs: z.string().optional(),
  freshnessMs: z.number(),
  /** Worst row state; `missing` when no evidence exists. */
  state: RowStateSchema,
  /** Earliest `since` among the rows in the rollup state. */
  since: z.string().optional(),
  /** Newest evidence among the rows. */
  lastAt: z.string().optional(),
  /**
   * The row the check's state comes from (the newest row in that state): a pill or badge shows its age, target,
   * origin and provenance with the state, so the two never come from different rows.
   */
  decidedBy: z.object({ target: z.string(), origin: z.string(), finishedAt: z.string(), ageMs: z.number(), provenance: ProvenanceSchema }).optional(),
  rows: z.array(StatusRowSchema),
  /** One character per day, oldest first: p pass, d degraded, f fail/error, - no data. */
  history: z.string(),
  /** The check is referenced by evidence but not defined in content/checks. */
  isUnknown: z.boolean(),
});

export const GroupStatusSchema = z.object({ id: z.string(), state: RowStateSchema, checks: z.array(CheckStatusSchema) });

/** A baseline entry and whether the evidence still needs it. */
export const BaselineStatusSchema = z.object({
  id: z.string(),
  entry: BaselineEntrySchema,
  /** `active`: a matching record fails; `stale`: all matching fresh records pass; `unmatched`: no evidence. */
  state: z.enum(['active', 'stale', 'unmatched']),
});

/** A failure from one origin explained by another origin passing the same check × target. */
export const OriginLimitationSchema = z.object({
  checkId: z.string(),
  target: z.string(),
  origin: z.string(),
  failureClass: FailureClassSchema,
  passingOrigins: z.array(z.string()),
  since: z.string(),
});

/** A piece of the gateway's software whose version differs between two runs. */
export const VersionChangeSchema = z.object({
  software: z.enum(['litellm', 'traefik']),
  from: z.string(),
  to: z.string(),
});

/** Tools added, removed or changed between the two latest runs of one target × origin. */
export const DriftEntrySchema = z.object({
  target: z.string(),
  origin: z.string(),
  fromRun: z.string(),
  toRun: z.string(),
  added: z.array(z.string()),
  removed: z.array(z.string()),
  changed: z.array(z.string()),
  /**
   * Versions that changed between the two runs: drift that follows an upgrade is told apart from drift on its own
   * (`[]`, same versions). Absent when either run did not record its versions.
   */
  versionChanges: z.array(VersionChangeSchema).optional(),
});

/** The software behind one target × origin: the versions of its newest run that recorded them, and any change since the run before. */
export const GatewayVersionsSchema = z.object({
  target: z.string(),
  origin: z.string(),
  runId: z.string(),
  finishedAt: z.string(),
  litellmVersion: z.string().optional(),
  traefikVersion: z.string().optional(),
  /** The run before it that recorded versions, when there is one among the runs read. */
  previousRun: z.string().optional(),
  /** What changed since `previousRun` (a version known in only one of them is not a change). */
  changes: z.array(VersionChangeSchema),
});

export const OutstandingStatusSchema = z.object({
  item: OutstandingItemSchema,
  closes: z.array(
    z.object({
      check: z.string(),
      target: z.string().optional(),
      origin: z.string().optional(),
      state: RowStateSchema,
      /** Why this check does not close the item yet, when its evidence cannot (only demo evidence, an origin that could not reach). */
      reason: z.string().optional(),
    }),
  ),
  isReadyToClose: z.boolean(),
});

export const UnparseableNoteSchema = z.object({ file: z.string(), line: z.number().int().optional(), reason: z.string() });

export const StatusSummarySchema = z.object({
  counts: z.record(RowStateSchema, z.number().int()),
  /** Rows by where their evidence came from. */
  provenance: z.record(ProvenanceSchema, z.number().int()),
  checks: z.number().int(),
  rows: z.number().int(),
  /** The least recently verified row. */
  oldest: z.object({ checkId: z.string(), target: z.string(), origin: z.string(), finishedAt: z.string(), ageMs: z.number() }).optional(),
});

/** `/status.json`. */
export const StatusJsonSchema = z.object({
  schemaVersion: z.literal(STATUS_SCHEMA_VERSION),
  generatedAt: z.string(),
  summary: StatusSummarySchema,
  groups: z.array(GroupStatusSchema),
  drift: z.array(DriftEntrySchema),
  /** LiteLLM and Traefik versions per target × origin, with the version drift between runs. */
  versions: z.array(GatewayVersionsSchema),
  baseline: z.array(BaselineStatusSchema),
  limitations: z.array(OriginLimitationSchema),
  outstanding: z.array(OutstandingStatusSchema),
  unparseable: z.array(UnparseableNoteSchema),
  /** First and last day the history strings cover (UTC dates). */
  historyRange: z.object({ from: z.string(), to: z.string(), days: z.number().int() }),
});

export type RowState = z.output<typeof RowStateSchema>;
export type MeasuredDigest = z.output<typeof MeasuredDigestSchema>;
export type StatusRow = z.output<typeof StatusRowSchema>;
export type CheckStatus = z.output<typeof CheckStatusSchema>;
export type GroupStatus = z.output<typeof GroupStatusSchema>;
export type BaselineStatus = z.output<typeof BaselineStatusSchema>;
export type OriginLimitation = z.output<typeof OriginLimitationSchema>;
export type DriftEntry = z.output<typeof DriftEntrySchema>;
export type VersionChange = z.output<typeof VersionChangeSchema>;
export type GatewayVersions = z.output<typeof GatewayVersionsSchema>;
export type OutstandingStatus = z.output<typeof OutstandingStatusSchema>;
export type UnparseableNote = z.output<typeof UnparseableNoteSchema>;
export type StatusSummary = z.output<typeof StatusSummarySchema>;
export type StatusJson = z.output<typeof StatusJsonSchema>;
