import type { ProbeFailureClass } from '../schemas/observation.ts';

/** curl's exit codes that say which layer failed (man curl, EXIT CODES). */
const curlExitClasses: Record<number, ProbeFailureClass> = {
  5: 'dns', // could not resolve proxy
  6: 'dns',
  7: 'tcp_refused',
  28: 'timeout',
  35: 'tls',
  51: 'tls',
  58: 'tls',
  60: 'tls',
  52: 'protocol', // empty reply
  56: 'protocol', // failure receiving data
  18: 'protocol', // partial file
  22: 'http_status',
};

/** A `curl: (N) message` line, as curl prints it on stderr. */
export interface CurlError {
  code: number;
  message: string;
  failureClass: ProbeFailureClass;
}

const curlErrorLine = /^curl: \((\d+)\) (.*)$/;

/** Reads a `curl: (N) …` line, or returns undefined. */
export function parseCurlError(line: string): CurlError | undefined {
  const match = curlErrorLine.exec(line.trim());
  if (!match) return undefined;
  const code = Number(match[1]);
  return { code, message: match[2], failureClass: curlExitClasses[code] ?? 'protocol' };
}

/** curl's error as its exit code alone tells it, when stderr was not kept (`curl -s`); undefined for 0 or unknown. */
export function curlErrorOfExit(code: number | null | undefined): CurlError | undefined {
  if (code === null || code === undefined || code === 0) return undefined;
  return { code, message: `exit code ${code}`, failureClass: curlExitClasses[code] ?? 'protocol' };
}

/** Where curl's own time limit cut the transfer: `Operation timed out after 20000 milliseconds with 13 bytes received`. */
export function timedOutAfterMs(error: CurlError | undefined): number | undefined {
  if (error?.code !== 28) return undefined;
  const ms = /after (\d+) milliseconds/.exec(error.message)?.[1];
  return ms === undefined ? undefined : Number(ms);
}

/** The first `curl: (N)` line of a capture: in its stderr when the streams were kept apart, else anywhere in the file. */
export function findCurlError(lines: readonly string[]): { error: CurlError; line: number } | undefined {
  for (let i = 0; i < lines.length; i++) {
    const error = parseCurlError(lines[i]!);
    if (error) return { error, line: i + 1 };
  }
  return undefined;
}

/** The layer an error message names (client logs that only print a message), as the probe classes a thrown error; null when it names none. */
export function classifyErrorText(text: string): ProbeFailureClass | null {
  const t = text.toLowerCase();
  if (/could not resolve|enotfound|eai_again|name or service not known|dns|lookup failed/.test(t)) return 'dns';
  if (/refused|econnrefused|connect failed|couldn't connect/.test(t)) return 'tcp_refused';
  if (/timed out|timeout|etimedout/.test(t)) return 'timeout';
  if (/ssl|tls|certificate/.test(t)) return 'tls';
  if (/\b(401|403|404|5\d\d)\b|unauthori[sz]ed|forbidden|not found/.test(t)) return 'http_status';
  return null;
}
