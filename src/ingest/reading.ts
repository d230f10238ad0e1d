import type { CaptureStream } from '../schemas/evidence.ts';
import type { Measured } from '../schemas/evidence.ts';
import type { Observation } from '../schemas/observation.ts';
import type { CapturedText } from './captured-text.ts';
import type { Unparseable } from './unparseable.ts';

/**
 * What a parser read from a capture: the same observations a probe makes (issue 24: judged once), never a verdict.
 * `src/checks/` judges them with the check's own definition when the import is filed under its checks.
 */
export interface Reading {
  /** What the capture shows, at most one observation per kind: a curl transcript of tools/list is an HTTP exchange and an MCP one; the check's kind picks. */
  observations: Observation[];
  /** 1-based line the reading comes from (in the deciding stream of a capture folder). */
  line?: number;
  /** Which stream of a capture folder holds what decides: the output, the error output, or only the exit code. */
  stream?: CaptureStream;
  /** When the capture itself carries times (ping timestamps, a JUnit timestamp, a log's Date line). */
  startedAt?: string;
  finishedAt?: string;
  /** What the capture holds, to file it under a check without a meta file: the request path and method, the JSON-RPC method, the `x-mcp-servers` scope. */
  holds?: { path?: string; method?: string; rpcMethod?: string; scope?: readonly string[] };
  /** Facts worth keeping on the record that no observation field carries (curl's exit code, a truncated frame), as short values. */
  extra?: NonNullable<Measured['extra']>;
  /** Set when the capture names its check itself (a JUnit testcase called `mcp.tools-list`); wins over the meta file. */
  checkId?: string;
}

/** A parser either reads something or says, with a line, why it could not. */
export type ParseOutcome = { readings: Reading[] } | { unparseable: Unparseable };

/** One pure parser per artifact kind: a capture (already decoded and redacted) → readings. */
export type Parser = (capture: CapturedText) => ParseOutcome;

/** Shorthand for a failed parse. */
export function unparseable(reason: string, line?: number): ParseOutcome {
  return { unparseable: line === undefined ? { reason } : { reason, line } };
}

/** The empty parts every observation has; an import has no transcript of its own (the capture is its raw artifact). */
export function observationCore(latencyMs = 0): { failure: null; latencyMs: number; transcript: [] } {
  return { failure: null, latencyMs, transcript: [] };
}
