import { z } from 'astro/zod';
import { EVIDENCE_SCHEMA_VERSION, EvidenceRecordSchema, OriginSchema } from './evidence.ts';
import { ProvenanceSchema } from './provenance.ts';

/**
 * Run ids sort by time and stay unique across origins and concurrent runs:
 * `<UTC yyyymmddThhmmssZ>-<origin>-<4+ hex>`.
 * @example '20261124T153000Z-sandbox-7f3a'
 */
export const RunIdSchema = z
  .string()
  .regex(/^\d{8}T\d{6}Z-[a-z0-9][a-z0-9-]*-[0-9a-f]{4,}$/, { error: 'Expected a run id like 20261124T153000Z-sandbox-7f3a' });

/**
 * The software that answered a run, as the gateway reported it during the run (issue 26). Absent in runs made
 * before it was recorded, and a version the gateway did not report is left out.
 */
export const GatewayFingerprintSchema = z.object({
  /** LiteLLM's own `litellm_version` (`/health/readiness`, or `/health/readiness/details` on 1.10x). @example '1.108.4' */
  litellmVersion: z.string().min(1).optional(),
  /** Traefik's `Version` from its API (`/api/version`), when the run could reach it. @example '3.7.15' */
  traefikVersion: z.string().min(1).optional(),
});

export type GatewayFingerprint = z.output<typeof GatewayFingerprintSchema>;

/** What a run says about itself: who ran it, from where, against what, and when. */
export const RunHeadSchema = z.object({
  schemaVersion: z.literal(EVIDENCE_SCHEMA_VERSION),
  runId: RunIdSchema,
  origin: OriginSchema,
  /** Gateway environment id from `content/gateway.yaml`. */
  environment: z.string(),
  /** Base URL probed (no credentials in it). */
  baseUrl: z.string(),
  /**
   * Set when the base URL probed is not the environment's configured one (`--base-url`): the records' target
   * then reads `<environment> (override <host>)`, never the plain environment.
   */
  override: z.boolean().default(false),
  /** `demo` when the demo gateway answered (every record of the run then says so too). */
  provenance: ProvenanceSchema.default('real'),
  /** Proofbook version that made the run. */
  toolVersion: z.string(),
  /** Versions of the gateway's software during the run; drift is marked when they change between runs. */
  gateway: GatewayFingerprintSchema.optional(),
  startedAt: z.iso.datetime({ offset: true }),
  finishedAt: z.iso.datetime({ offset: true }),
});

/** Runs of the `demo` environment written before records carried `provenance` came from the demo gateway. */
function demoRunsAreDemo(input: unknown): unknown {
  const run = input as { environment?: unknown; records?: unknown };
  if (run?.environment !== 'demo' || !Array.isArray(run.records) || 'provenance' in run) return input;
  return { ...run, provenance: 'demo', records: run.records.map((record: unknown) => (record && typeof record === 'object' && !('provenance' in record) ? { ...record, provenance: 'demo' } : record)) };
}

/** `evaluation/runs/<run-id>/run.json`: everything one probe run found. */
export const EvalRunSchema = z.preprocess(
  demoRunsAreDemo,
  RunHeadSchema.extend({
    records: z.array(EvidenceRecordSchema),
  }),
);

export type EvalRun = z.output<typeof EvalRunSchema>;
export type EvalRunInput = z.input<typeof EvalRunSchema>;

/** Makes a run id for `origin` at `now`; `random` is injectable for tests. */
export function makeRunId(origin: string, now: Date, random: () => number = Math.random): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
  const suffix = Math.floor(random() * 0x10000).toString(16).padStart(4, '0');
  return `${stamp}-${origin}-${suffix}`;
}
