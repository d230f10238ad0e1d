import type { FailureClass } from './evidence.ts';

/**
 * What a probe saw. Probes never throw on a failing target: a DNS error or a 500 is data here, and
 * `src/checks/` decides what it means. Observations live in memory only; what is kept goes through
 * redaction into an EvidenceRecord and a raw transcript.
 */

/** Failure classes a probe can observe by itself (`expectation` is decided by checks). */
export type ProbeFailureClass = Exclude<FailureClass, 'expectation'>;

/** Why a probe could not get a usable answer. */
export interface ProbeFailure {
  failureClass: ProbeFailureClass;
  /** One line, e.g. `getaddrinfo ENOTFOUND gw.invalid` or `tools/list: HTTP 502`. */
  message: string;
  /** Node/undici error code when there was one, e.g. `ECONNREFUSED`. */
  code?: string;
}

/** One request/response pair, kept for the raw transcript. Headers are unredacted here; redaction happens on the way out. */
export interface TranscriptEntry {
  label: string;
  atMs: number;
  durationMs: number;
  request: { method: string; url: string; headers: Record<string, string>; body?: string };
  response?: { status: number; headers: Record<string, string>; body: string; truncated: boolean };
  error?: string;
}

/** A response as read by the probe, body capped. */
export interface ResponseObservation {
  status: number;
  headers: Record<string, string>;
  body: string;
  bytes: number;
  truncated: boolean;
  latencyMs: number;
}

interface ObservationBase {
  failure: ProbeFailure | null;
  /** Wall time of the whole probe. */
  latencyMs: number;
  transcript: TranscriptEntry[];
}

export interface HttpObservation extends ObservationBase {
  kind: 'http';
  response: ResponseObservation | null;
}

/** One case of an auth matrix: a path with one kind of key. */
export interface AuthCaseObservation {
  path: string;
  method: string;
  key: 'none' | 'wrong' | 'right';
  response: ResponseObservation | null;
  failure: ProbeFailure | null;
}

export interface AuthMatrixObservation extends ObservationBase {
  kind: 'auth-matrix';
  cases: AuthCaseObservation[];
}

/** A listed tool, reduced to what evidence keeps. */
export interface ObservedTool {
  name: string;
  server?: string;
  schemaDigest?: string;
}

export interface McpObservation extends ObservationBase {
  kind: 'mcp';
  /** The last step reached: where a failure happened, or `tools/list` when all went well. */
  step: 'initialize' | 'initialized' | 'tools/list' | 'done';
  /** HTTP status of the initialize response. */
  status?: number;
  protocolVersion?: string;
  serverInfo?: { name: string; version?: string };
  sessionId: boolean;
  tools: ObservedTool[];
  pages: number;
  serverOutcomes?: Record<string, { status: string; toolCount?: number }>;
  /** Servers asked for with `x-mcp-servers` (tools are attributed to these by prefix). */
  scopedServers: string[];
  /** Status of the session DELETE, when one was sent. */
  deleteStatus?: number;
}

/** One thing read from an event stream, with when it arrived (ms after the request was sent). */
export type SseItem =
  | { type: 'comment'; atMs: number; text: string }
  | { type: 'event'; atMs: number; event?: string; data: string };

export interface SseObservation extends ObservationBase {
  kind: 'sse-capture';
  status?: number;
  contentType?: string;
  /** Time until the response headers: the stream-open verdict is decided here. */
  headersMs?: number;
  streamOpen: boolean;
  items: SseItem[];
  bytes: number;
  /** Why reading stopped. `closed` = the server ended the stream inside the window. */
  stopped: 'window' | 'bytes' | 'events' | 'closed' | 'not-a-stream' | 'error';
  pingCount: number;
  pingIntervalsMs: number[];
  eventCount: number;
  catalogSeen: boolean;
  windowMs: number;
}

export type Observation = HttpObservation | AuthMatrixObservation | McpObservation | SseObservation;
