import { z } from 'astro/zod';
import { ClientIdSchema } from './client-profile-check.ts';
import { CodexRunSchema } from './codex-run.ts';
import { FailureClassSchema } from './evidence.ts';

/**
 * What was seen, before anything is judged. Probes produce observations by talking to the gateway; import parsers
 * produce the same observations from captured output; `src/checks/` judges both with the check's own definition.
 * A DNS error or a 500 is data here, never an exception. Observations live in memory only: what is kept goes
 * through redaction into an EvidenceRecord and a raw transcript.
 */

/** Failure classes seen without judging (`expectation` is decided by checks). */
export const ProbeFailureClassSchema = FailureClassSchema.exclude(['expectation']);

/** Why no usable answer came back. */
export const ProbeFailureSchema = z.object({
  failureClass: ProbeFailureClassSchema,
  /** One line. @example 'getaddrinfo ENOTFOUND gw.invalid' */
  message: z.string(),
  /** Node/undici error code when there was one. @example 'ECONNREFUSED' */
  code: z.string().optional(),
});

/** One request/response pair (or one command run), kept for the raw transcript. Unredacted here: redaction happens on the way out. */
export const TranscriptEntrySchema = z.object({
  label: z.string(),
  atMs: z.number(),
  durationMs: z.number(),
  request: z.object({ method: z.string(), url: z.string(), headers: z.record(z.string(), z.string()), body: z.string().optional() }),
  response: z.object({ status: z.number(), headers: z.record(z.string(), z.string()), body: z.string(), truncated: z.boolean() }).optional(),
  error: z.string().optional(),
});

/** A response as read, body capped. */
export const ResponseObservationSchema = z.object({
  status: z.number().int(),
  headers: z.record(z.string(), z.string()),
  body: z.string(),
  bytes: z.number().int().nonnegative(),
  truncated: z.boolean(),
  latencyMs: z.number().nonnegative(),
});

/** What every observation has, whatever its kind. */
export const ObservationCoreSchema = z.object({
  failure: ProbeFailureSchema.nullable(),
  /** Wall time of the whole observation. */
  latencyMs: z.number().nonnegative(),
  transcript: z.array(TranscriptEntrySchema),
});

const core = ObservationCoreSchema.shape;

export const HttpObservationSchema = z.object({ ...core, kind: z.literal('http'), response: ResponseObservationSchema.nullable() });

/** One case of an auth matrix: a path with one kind of key. */
export const AuthCaseObservationSchema = z.object({
  path: z.string(),
  method: z.string(),
  key: z.enum(['none', 'wrong', 'right']),
  response: ResponseObservationSchema.nullable(),
  failure: ProbeFailureSchema.nullable(),
});

export const AuthMatrixObservationSchema = z.object({ ...core, kind: z.literal('auth-matrix'), cases: z.array(AuthCaseObservationSchema) });

/** A listed tool, reduced to what evidence keeps. */
export const ObservedToolSchema = z.object({ name: z.string(), server: z.string().optional(), schemaDigest: z.string().optional() });

const mcpFields = {
  /** The last step reached: where a failure happened, or `done` when all went well. */
  step: z.enum(['initialize', 'initialized', 'tools/list', 'done']),
  /** HTTP status of the initialize response. */
  status: z.number().int().optional(),
  protocolVersion: z.string().optional(),
  serverInfo: z.object({ name: z.string(), version: z.string().optional() }).optional(),
  sessionId: z.boolean(),
  tools: z.array(ObservedToolSchema),
  pages: z.number().int().nonnegative(),
  serverOutcomes: z.record(z.string(), z.object({ status: z.string(), toolCount: z.number().int().optional() })).optional(),
  /** Servers asked for with `x-mcp-servers` (tools are attributed to these by prefix). */
  scopedServers: z.array(z.string()),
  /** Status of the session DELETE, when one was sent. */
  deleteStatus: z.number().int().optional(),
  /** The JSON-RPC error that ended the exchange, when the gateway answered with one. */
  rpcError: z.object({ code: z.number(), message: z.string() }).optional(),
  /** False when the exchange as captured holds no initialize (a curl of tools/list alone, the Inspector's output): its conditions are not judged. */
  initializeSeen: z.boolean().optional(),
  /** False when it holds no tools/list (an Inspector `tools/call` run): the tool-list conditions are not judged. */
  toolsListSeen: z.boolean().optional(),
  /** True when the last page read had a `nextCursor`: more tools exist than were read (one captured page). */
  morePages: z.boolean().optional(),
  /** A `tools/call` the capture shows, and whether the tool answered with `isError: true`. */
  toolCall: z.object({ name: z.string().optional(), isError: z.boolean(), message: z.string().optional() }).optional(),
  /** What the client's schema validation (Inspector `--strict`) complained about. */
  schemaIssues: z.string().optional(),
};

export const McpObservationSchema = z.object({ ...core, kind: z.literal('mcp'), ...mcpFields });

/** An MCP exchange made with exactly the request a client's generated snippet makes it send. */
export const ClientProfileObservationSchema = z.object({
  ...core,
  kind: z.literal('client-profile'),
  ...mcpFields,
  client: ClientIdSchema,
  /** Header names sent (values stay in memory: they hold the key). */
  sentHeaders: z.array(z.string()),
  /** The `x-mcp-servers` value sent, when the snippet sends one. */
  scopeSent: z.string().optional(),
  /** The auth scheme sent (`Bearer`, `Token`, …), without an Authorization header undefined. */
  authScheme: z.string().optional(),
  /** Set when the client would refuse its config before sending anything. */
  configError: z.string().optional(),
  /**
   * False for a real client's run imported from a capture: the request is not the generated snippet's, so the
   * snippet's own conditions (config loads, scope header, tools inside the scope) are not judged. Probes replay it.
   */
  replaysSnippet: z.boolean().optional(),
});

/** LiteLLM's MCP health answer and its server list (which names the hashed ids), as read: judged in src/checks/mcp-health.ts. */
export const McpHealthObservationSchema = z.object({
  ...core,
  kind: z.literal('mcp-health'),
  health: ResponseObservationSchema.nullable(),
  /** The server list's answer (null when it was not asked). */
  list: ResponseObservationSchema.nullable(),
  /** Servers that must be reported healthy: the check's, else the environment's. */
  expected: z.array(z.string()),
});

/** A canary `tools/call`: how far the exchange got, and the call's result or JSON-RPC error. */
export const McpCallObservationSchema = z.object({
  ...core,
  kind: z.literal('mcp-call'),
  /** The last step reached: where a failure happened, or `done`. */
  step: z.enum(['initialize', 'initialized', 'tools/call', 'done']),
  /** HTTP status of the tools/call response (of initialize when it went no further). */
  status: z.number().int().optional(),
  protocolVersion: z.string().optional(),
  tool: z.string(),
  /** What the call returned: its error flag, the first text item (capped) and the content item types. */
  result: z.object({ isError: z.boolean().optional(), text: z.string().optional(), contentTypes: z.array(z.string()) }).optional(),
  rpcError: z.object({ code: z.number(), message: z.string() }).optional(),
});

/** The `x-mcp-servers` narrowing matrix: one MCP exchange per header value sent. */
export const McpScopeObservationSchema = z.object({
  ...core,
  kind: z.literal('mcp-scope'),
  cases: z.array(z.object({ header: z.string(), exchange: McpObservationSchema })),
});

/** One thing read from an event stream, with when it arrived (ms after the request was sent; unknown in a capture). */
export const SseItemSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('comment'), atMs: z.number().optional(), text: z.string() }),
  z.object({ type: z.literal('event'), atMs: z.number().optional(), event: z.string().optional(), data: z.string() }),
]);

export const SseObservationSchema = z.object({
  ...core,
  kind: z.literal('sse-capture'),
  status: z.number().int().optional(),
  contentType: z.string().optional(),
  /** Time until the response headers: the stream-open verdict is decided there. */
  headersMs: z.number().optional(),
  streamOpen: z.boolean(),
  items: z.array(SseItemSchema),
  bytes: z.number().int().nonnegative(),
  /** Why reading stopped. `closed` = the server ended the stream inside the window. */
  stopped: z.enum(['window', 'bytes', 'events', 'closed', 'not-a-stream', 'error']),
  /** How long the stream was watched: the check's window for a probe, the capture's own limit (`curl --max-time`) for an import; unknown when a capture does not say. */
  windowMs: z.number().nonnegative().optional(),
});

/**
 * What the real Codex CLI said about a config: its answers (any of list, get, doctor: a capture may hold one), and,
 * when the probe ran it on the generated config, the server and values that config should read back.
 */
export const CodexCliObservationSchema = z.object({
  ...core,
  kind: z.literal('codex-cli'),
  /** The server the generated config names (probe only); an imported run is about whatever servers Codex shows. */
  serverName: z.string().optional(),
  /** What the generated config should read back (probe only): url, key env var, `x-mcp-servers`. */
  expected: z.object({ url: z.string(), keyEnv: z.string(), scope: z.string() }).optional(),
  /** True when Codex ran in a network namespace of its own on purpose: what it could not reach says nothing about the gateway. */
  isolated: z.boolean().optional(),
  list: CodexRunSchema.optional(),
  get: CodexRunSchema.optional(),
  doctor: CodexRunSchema.optional(),
});

/**
 * Results another tool judged itself, step by step: a JUnit report, the Open WebUI test script's log. There is no
 * exchange to judge again, so src/checks/reported.ts relays them under one rule for every check.
 */
export const ReportedObservationSchema = z.object({
  ...core,
  kind: z.literal('reported'),
  /** The tool that judged. @example 'JUnit' */
  reporter: z.string(),
  steps: z.array(
    z.object({
      label: z.string(),
      outcome: z.enum(['pass', 'fail', 'error', 'skipped']),
      /** What the tool printed for the step. */
      actual: z.string().optional(),
    }),
  ),
});

/**
 * One runbook block executed by `bash -euo pipefail` (src/runbooks/run-block.ts). Unlike the others, its output is
 * already redacted here: it must be redacted before it is capped, and it is capped as it is read.
 */
export const RunbookBlockObservationSchema = z.object({
  ...core,
  kind: z.literal('runbook-block'),
  /** Exit code; null when the block was killed or never started. */
  exitCode: z.number().int().nullable(),
  /** The signal that ended it, when one did. @example 'SIGKILL' */
  signal: z.string().nullable(),
  timedOut: z.boolean(),
  /** stdout and stderr as they interleaved, redacted, then capped. */
  output: z.string(),
  /** Bytes printed in all, before the cap. */
  outputBytes: z.number().int().nonnegative(),
  truncated: z.boolean(),
  /** The base URL the block ran against (`$GATEWAY_URL`), so expected output can name it instead of a port. */
  baseUrl: z.string(),
  /** Env var names given to the block that were unset, so `VAR: unbound variable` reads as a missing key. */
  missingEnv: z.array(z.string()),
});

/** Every observation, by `kind`. */
export const ObservationSchema = z.discriminatedUnion('kind', [
  HttpObservationSchema,
  AuthMatrixObservationSchema,
  McpObservationSchema,
  ClientProfileObservationSchema,
  SseObservationSchema,
  CodexCliObservationSchema,
  McpHealthObservationSchema,
  McpCallObservationSchema,
  McpScopeObservationSchema,
  ReportedObservationSchema,
  RunbookBlockObservationSchema,
]);

export type ProbeFailureClass = z.output<typeof ProbeFailureClassSchema>;
export type ProbeFailure = z.output<typeof ProbeFailureSchema>;
export type TranscriptEntry = z.output<typeof TranscriptEntrySchema>;
export type ResponseObservation = z.output<typeof ResponseObservationSchema>;
export type ObservationCore = z.output<typeof ObservationCoreSchema>;
export type HttpObservation = z.output<typeof HttpObservationSchema>;
export type AuthCaseObservation = z.output<typeof AuthCaseObservationSchema>;
export type AuthMatrixObservation = z.output<typeof AuthMatrixObservationSchema>;
export type ObservedTool = z.output<typeof ObservedToolSchema>;
export type McpObservation = z.output<typeof McpObservationSchema>;
export type ClientProfileObservation = z.output<typeof ClientProfileObservationSchema>;
export type SseItem = z.output<typeof SseItemSchema>;
export type SseObservation = z.output<typeof SseObservationSchema>;
export type { CodexRun } from './codex-run.ts';
export type CodexCliObservation = z.output<typeof CodexCliObservationSchema>;
export type McpHealthObservation = z.output<typeof McpHealthObservationSchema>;
export type McpCallObservation = z.output<typeof McpCallObservationSchema>;
export type McpScopeObservation = z.output<typeof McpScopeObservationSchema>;
export type ReportedObservation = z.output<typeof ReportedObservationSchema>;
export type RunbookBlockObservation = z.output<typeof RunbookBlockObservationSchema>;
export type Observation = z.output<typeof ObservationSchema>;
export type ObservationKind = Observation['kind'];
