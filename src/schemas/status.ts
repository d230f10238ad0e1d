import { z } from 'astro/zod';
import { BaselineEntrySchema } from './baseline.ts';
import { CheckScopeSchema } from './check-scope.ts';
import { IncidentStageSchema, TimelineEntrySchema } from './incident.ts';
import { CheckIdSchema } from './check-id.ts';
import { GatewayFingerprintSchema } from './eval-run.ts';
import { FailureClassSchema, OriginSchema, VerdictSchema } from './evidence.ts';
import { OutstandingItemSchema } from './outstanding.ts';
import { ProvenanceSchema } from './provenance.ts';

/**
 * The status model as `/status.json` publishes it: the one shape every surface reads (the status page, badges,
 * JUnit, the docs pages' banners). `src/status/` computes it; its TypeScript types come from here.
 */

/** status.json carries this so consumers can refuse a shape they do not know; 2 added provenance, overall state, uptime, incidents, maintenance and the flaky and maintenance states. */
export const STATUS_SCHEMA_VERSION = 2 as const;

/**
 * What a reader is told about one check × target × origin, worst first. `stale` and `missing` say the evidence
 * is too old or absent to tell; `maintenance` is a failure during a maintenance window; `flaky` a pass that needed
 * a retry; `limited` is a failure explained by where the probe ran.
 */
export const ROW_STATES = ['error', 'fail', 'degraded', 'stale', 'missing', 'maintenance', 'flaky', 'expected-fail', 'limited', 'pass'] as const;
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
  /** Attempts the check made when it was retried (a `flaky` pass, or a failure that failed every attempt). */
  attempts: z.number().int().optional(),
  /** Id of the maintenance window the failure fell in (state `maintenance`). */
  maintenance: z.string().optional(),
  /** The LiteLLM and Traefik versions of the run the record came from; absent for imports and runs that did not record them. */
  gateway: GatewayFingerprintSchema.optional(),
});

/** Uptime in percent (3 decimals) over the last 24 hours, 7, 30 and 90 days; null when no run counts there. */
export const UptimeSchema = z.object({ '24h': z.number().nullable(), '7d': z.number().nullable(), '30d': z.number().nullable(), '90d': z.number().nullable() });

/**
 * One UTC day of a check, summed over its targets and origins: `[pass, degraded, fail, flaky, maintenance,
 * expected]`. `pass` includes the `flaky` passes (passed after a retry); `fail` counts failures and errors that
 * count against uptime; `maintenance` and `expected` are failures left out (in a maintenance window; expected by
 * the baseline, or an origin that could not reach a target another origin reached that day).
 */
export const DayCountsSchema = z.tuple([z.number().int(), z.number().int(), z.number().int(), z.number().int(), z.number().int(), z.number().int()]);

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
  /**
   * One character per day, oldest first: p pass, y flaky (a pass needed a retry), d degraded, f a failure that
   * counts, m maintenance, x only failures left out (expected), - no data.
   */
  history: z.string(),
  /** Per day (same days as `history`), the counts its mark and label come from. */
  days: z.array(DayCountsSchema),
  /** (pass + degraded) / (pass + degraded + counted failures), per window; maintenance and expected failures left out. */
  uptime: UptimeSchema,
  /** The evidence uptime was computed over: real when the check has any real runs in the window, else demo or sample. */
  uptimeProvenance: ProvenanceSchema,
  /** Percent of the last 7 days' runs that passed only after a retry or changed outcome from the run before; null without runs. */
  flakeRate: z.number().nullable(),
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
  /** Who reported these versions: `demo` is the stand-in naming the LiteLLM version it imitates, not LiteLLM. */
  provenance: ProvenanceSchema,
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

/** The one-line answer to "is it OK?" (src/status/overall.ts has the rule). */
export const OVERALL_STATES = ['operational', 'degraded', 'partial-outage', 'major-outage', 'maintenance', 'unknown'] as const;
export const OverallStateSchema = z.enum(OVERALL_STATES);

export const OverallSchema = z.object({
  state: OverallStateSchema,
  /** The evidence the state was decided on: real, unless no check has real evidence (then demo or sample, and said so). */
  provenance: ProvenanceSchema,
  /** The rule, as the page writes it. */
  rule: z.string(),
  /** Checks by what the rule made of them; `explained` checks have only expected failures or origin limitations. */
  counts: z.object({ up: z.number().int(), degraded: z.number().int(), down: z.number().int(), maintenance: z.number().int(), unknown: z.number().int(), explained: z.number().int() }),
  /** Ids of the checks down (failing from more than half of the origins that count), degraded, in maintenance, unknown. */
  down: z.array(z.string()),
  degraded: z.array(z.string()),
  maintenance: z.array(z.string()),
  unknown: z.array(z.string()),
});

/** An incident from content/incidents/, with its current stage. */
export const IncidentStatusSchema = z.object({
  id: z.string(),
  title: z.string(),
  affects: z.array(CheckScopeSchema.out),
  timeline: z.array(TimelineEntrySchema),
  /** The latest stage reached. */
  stage: IncidentStageSchema,
  /** Not yet resolved. */
  isActive: z.boolean(),
  startedAt: z.string(),
  updatedAt: z.string(),
  resolvedAt: z.string().optional(),
  /** The write-up, in Markdown. */
  body: z.string(),
  /** Check ids the incident's scopes cover among the known checks. */
  checks: z.array(z.string()),
});

/** A maintenance window from content/maintenance.yaml with its current or next occurrence. */
export const MaintenanceStatusSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().optional(),
  affects: z.array(CheckScopeSchema.out),
  /** `active`: open now; `upcoming`: its next occurrence starts later; `past`: it will not open again. */
  state: z.enum(['active', 'upcoming', 'past']),
  /** The occurrence shown: the open one, the next one, or the last one. */
  start: z.string(),
  end: z.string(),
  /** For a recurring window: its pattern and time zone. */
  recurrence: z.object({ cron: z.string(), timezone: z.string(), durationMs: z.number() }).optional(),
  /** Check ids the window's scopes cover among the known checks. */
  checks: z.array(z.string()),
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
  overall: OverallSchema,
  summary: StatusSummarySchema,
  groups: z.array(GroupStatusSchema),
  drift: z.array(DriftEntrySchema),
  /** LiteLLM and Traefik versions per target × origin, with the version drift between runs. */
  versions: z.array(GatewayVersionsSchema),
  baseline: z.array(BaselineStatusSchema),
  limitations: z.array(OriginLimitationSchema),
  outstanding: z.array(OutstandingStatusSchema),
  unparseable: z.array(UnparseableNoteSchema),
  /** Incidents, active first, then the most recent. */
  incidents: z.array(IncidentStatusSchema),
  /** Maintenance windows: active, then upcoming by start, then past. */
  maintenance: z.array(MaintenanceStatusSchema),
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
export type Uptime = z.output<typeof UptimeSchema>;
export type DayCounts = z.output<typeof DayCountsSchema>;
export type OverallState = z.output<typeof OverallStateSchema>;
export type Overall = z.output<typeof OverallSchema>;
export type IncidentStatus = z.output<typeof IncidentStatusSchema>;
export type MaintenanceStatus = z.output<typeof MaintenanceStatusSchema>;
