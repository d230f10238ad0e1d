import { z } from 'astro/zod';
import { CheckIdSchema } from './check-id.ts';
import { ProvenanceSchema } from './provenance.ts';
import { RunbookEvidenceSchema } from './runbook.ts';

/** Evidence files carry this so a reader can refuse a format it does not know. */
export const EVIDENCE_SCHEMA_VERSION = 1 as const;

/**
 * What a record says about a check. Probes and parsers produce `pass`, `fail`, `degraded` and `error`;
 * the status module turns a baselined failure into `expected-fail`.
 */
export const VerdictSchema = z.enum(['pass', 'fail', 'degraded', 'expected-fail', 'error']);

/**
 * Why a check did not pass. `expectation` means the gateway answered as a protocol allows but not as the
 * check expects (a server with no tools; a 404 where 200 was expected is `http_status`). The last three are a
 * client's own: it refused its config (`config_invalid`), the env var its config names for the key is unset
 * (`auth_env_missing`), or the command of a stdio server is not on PATH (`command_not_found`).
 */
export const FailureClassSchema = z.enum(['dns', 'tcp_refused', 'tls', 'timeout', 'http_status', 'protocol', 'expectation', 'config_invalid', 'auth_env_missing', 'command_not_found']);

/** Where a run or a captured log was made: `sandbox`, `lan-host`, `ci`, … */
export const OriginSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'Expected an origin id such as "lan-host"' });

/** One condition of a check, with the value actually seen (Gatus "resolved conditions"). */
export const ConditionResultSchema = z.object({
  /** The condition as the check states it. @example 'status == 200' */
  condition: z.string(),
  ok: z.boolean(),
  /** The value seen, already redacted and shortened. */
  actual: z.string().optional(),
});

/** A tool as a gateway listed it. */
export const ToolSummarySchema = z.object({
  /** Name as listed, prefixed `<server>-<tool>` by LiteLLM. */
  name: z.string(),
  /** Server the prefix names; undefined when the name has no known prefix. */
  server: z.string().optional(),
  /** Digest of the tool's input schema, to detect changed tools between runs. */
  schemaDigest: z.string().optional(),
});

/** One row of an auth matrix: a path probed with no key, a wrong key or the right key. */
export const AuthCaseSchema = z.object({
  path: z.string(),
  key: z.enum(['none', 'wrong', 'right']),
  expected: z.string(),
  actual: z.string(),
  ok: z.boolean(),
});

/** Measured values. Every field is optional; each probe kind or parser fills what it measured. */
export const MeasuredSchema = z.object({
  status: z.number().int().optional(),
  latencyMs: z.number().nonnegative().optional(),
  contentType: z.string().optional(),
  protocolVersion: z.string().optional(),
  serverInfo: z.object({ name: z.string(), version: z.string().optional() }).optional(),
  tools: z.array(ToolSummarySchema).optional(),
  /** Tool counts per server, from the `<server>-` prefixes. */
  toolsByServer: z.record(z.string(), z.number().int().nonnegative()).optional(),
  /** `_meta["litellm.ai/server_outcomes"]` as the gateway reported it. */
  serverOutcomes: z.record(z.string(), z.object({ status: z.string(), toolCount: z.number().int().optional() })).optional(),
  pingCount: z.number().int().nonnegative().optional(),
  pingIntervalsMs: z.array(z.number().nonnegative()).optional(),
  eventCount: z.number().int().nonnegative().optional(),
  catalogSeen: z.boolean().optional(),
  bytes: z.number().int().nonnegative().optional(),
  authCases: z.array(AuthCaseSchema).optional(),
  /** The client profile whose headers the probe sent, for client checks. */
  clientProfile: z.string().optional(),
  /** Anything else, as short strings (exit codes of client CLIs, counts). Keep it small: it is rendered. */
  extra: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
});

/** A raw artifact kept beside the evidence, already redacted. */
export const ArtifactRefSchema = z.object({
  /** Short label, e.g. `tools/list response`. */
  label: z.string(),
  /** Path relative to `evaluation/`, e.g. `runs/20261124T153000Z-sandbox-7f3a/raw/mcp.tools-list.txt`. */
  path: z.string(),
  bytes: z.number().int().nonnegative().optional(),
  mediaType: z.string().optional(),
});

/** One attempt of a check that was retried (src/schemas/retry.ts): what it saw, and where its transcript is. */
export const AttemptSchema = z.object({
  startedAt: z.iso.datetime({ offset: true }),
  finishedAt: z.iso.datetime({ offset: true }),
  verdict: z.enum(['pass', 'fail', 'degraded', 'error']),
  failureClass: FailureClassSchema.nullable().default(null),
  /** One line for readers: what this attempt saw. Redacted. */
  summary: z.string(),
  /** Path of this attempt's raw transcript, relative to `evaluation/`, when it kept one. */
  artifact: z.string().optional(),
});

/** A stream of a captured command run. */
export const CaptureStreamSchema = z.enum(['stdout', 'stderr', 'exitCode']);

/** One record per check × target × origin × run. */
export const EvidenceRecordSchema = z.object({
  checkId: CheckIdSchema,
  /** The gateway environment probed, e.g. `internal`. */
  target: z.string(),
  origin: OriginSchema,
  runId: z.string(),
  startedAt: z.iso.datetime({ offset: true }),
  finishedAt: z.iso.datetime({ offset: true }),
  verdict: VerdictSchema,
  failureClass: FailureClassSchema.nullable().default(null),
  /** One line for readers: what was seen. Redacted. */
  summary: z.string(),
  measured: MeasuredSchema.default({}),
  conditions: z.array(ConditionResultSchema).default([]),
  artifacts: z.array(ArtifactRefSchema).default([]),
  /**
   * Every attempt, oldest first, when the check was retried (the record's verdict is the last one's). Absent when
   * the first attempt settled it, and in records written before retries existed.
   */
  attempts: z.array(AttemptSchema).min(2).optional(),
  /** Real, demo or sample evidence (src/schemas/provenance.ts). Records written before it existed are real unless their run was the demo environment's. */
  provenance: ProvenanceSchema.default('real'),
  /** Host (and port) actually probed, when known. @example 'litellm.linuxserver.lan' */
  host: z.string().optional(),
  /** Set on the records of runbook blocks (`npm run runbooks`): the block, its source hash, exit code and output. */
  runbook: RunbookEvidenceSchema.optional(),
  /** How the evidence was produced: a probe of ours, or a log captured elsewhere and imported. */
  source: z.discriminatedUnion('type', [
    z.object({ type: z.literal('probe'), kind: z.string() }),
    z.object({
      type: z.literal('import'),
      kind: z.string(),
      /** The imported file, or the capture folder (`imports/<name>/`, its capture.yaml naming the streams). */
      file: z.string(),
      /** 1-based line, in the stream that decided when there are several. */
      line: z.number().int().positive().optional(),
      /** Which stream of a capture folder decided the reading: its output, its error output, or only its exit code. */
      stream: CaptureStreamSchema.optional(),
    }),
  ]),
});

export type Verdict = z.output<typeof VerdictSchema>;
export type Attempt = z.output<typeof AttemptSchema>;
export type CaptureStream = z.output<typeof CaptureStreamSchema>;
export type FailureClass = z.output<typeof FailureClassSchema>;
export type Measured = z.output<typeof MeasuredSchema>;
export type ConditionResult = z.output<typeof ConditionResultSchema>;
export type ArtifactRef = z.output<typeof ArtifactRefSchema>;
export type EvidenceRecord = z.output<typeof EvidenceRecordSchema>;
export type EvidenceRecordInput = z.input<typeof EvidenceRecordSchema>;

/** A pass that needed a retry: /status calls it flaky (shown and counted, never red). */
export function passedAfterRetry(record: Pick<EvidenceRecord, 'verdict' | 'attempts'>): boolean {
  return record.verdict === 'pass' && (record.attempts?.some((attempt) => attempt.verdict !== 'pass') ?? false);
}
