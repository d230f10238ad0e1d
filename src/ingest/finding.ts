import type { ConditionResult, FailureClass, Measured, Verdict } from '../schemas/evidence.ts';
import type { Unparseable } from './unparseable.ts';

/**
 * What a parser read, before it is tied to checks: `importArtifact` turns each finding into one
 * EvidenceRecord per check the artifact speaks for (manifest `checks`, or the kind's default check).
 */
export interface Finding {
  verdict: Exclude<Verdict, 'expected-fail'>;
  failureClass: FailureClass | null;
  /** One line for readers: what the artifact shows. */
  summary: string;
  measured: Measured;
  conditions?: ConditionResult[];
  /** 1-based line the finding comes from. */
  line?: number;
  /** When the artifact itself carries times (ping timestamps, JUnit timestamp). */
  startedAt?: string;
  finishedAt?: string;
  /** Set when the artifact names its check itself (a JUnit testcase called `mcp.tools-list`); wins over the manifest. */
  checkId?: string;
  /** The parser's guess from content (a curl transcript of `/health/readiness`); used only without a manifest. */
  likelyCheck?: string;
}

/** A parser either finds something or says, with a line, why it could not. */
export type ParseOutcome = { findings: Finding[] } | { unparseable: Unparseable };

/** One pure parser per artifact kind: text (already decoded and redacted) → findings. */
export type Parser = (text: string) => ParseOutcome;

/** Shorthand for a failed parse. */
export function unparseable(reason: string, line?: number): ParseOutcome {
  return { unparseable: line === undefined ? { reason } : { reason, line } };
}
