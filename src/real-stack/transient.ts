/**
 * The one transient of the real stack that `--check` retries: under load LiteLLM 1.108.4 now and then loses the
 * stdio connection to an MCP server mid-request and answers the JSON-RPC request with error -32000 "Connection
 * closed" (seen on tools/list and tools/call; reproduced with 30 concurrent calls: 4 to 8 of 30). Pure: it reads the
 * probe's own report lines (src/probes/report.ts `formatResultLine`, plain in CI and when piped), which carry the
 * verdicts after the baseline.
 */

/** What the probe reported for one check that did not pass. */
export interface ReportedFailure {
  checkId: string;
  verdict: 'FAIL' | 'ERROR';
  line: string;
}

/** The signature of the transient: a JSON-RPC -32000 "Connection closed" answer, nothing broader. */
const CONNECTION_CLOSED = /\[protocol\] .*JSON-RPC error -32000: Connection closed\b/;

/** Failed and errored checks in the probe's plain report lines (`FAIL <id> (<n> ms) [<class>] <summary>`). */
export function reportedFailures(lines: readonly string[]): ReportedFailure[] {
  return lines.flatMap((line) => {
    const match = /^(FAIL|ERROR) (\S+) \(\d+ ms\)/.exec(line);
    return match ? [{ verdict: match[1] as ReportedFailure['verdict'], checkId: match[2]!, line }] : [];
  });
}

/** Whether a reported failure is the known transient (and nothing else). */
export function isTransient(failure: ReportedFailure): boolean {
  return failure.verdict === 'FAIL' && CONNECTION_CLOSED.test(failure.line);
}

/**
 * What to do after a first attempt: retry the transient failures once when they are the only failures; any other
 * failure is real and decides at once (no retry would change it).
 */
export function retryPlan(lines: readonly string[]): { retry: string[]; real: ReportedFailure[] } {
  const failures = reportedFailures(lines);
  const real = failures.filter((failure) => !isTransient(failure));
  return { retry: real.length === 0 ? failures.map((failure) => failure.checkId) : [], real };
}

/** The run id the probe reports (`run <id> → <dir>`), for the record of both attempts. */
export function reportedRunId(lines: readonly string[]): string | undefined {
  return lines.map((line) => /^run (\S+) → /.exec(line)?.[1]).find((id) => id !== undefined);
}
