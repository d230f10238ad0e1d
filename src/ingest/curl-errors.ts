import type { FailureClass } from '../schemas/evidence.ts';

/** curl's exit codes that say which layer failed (man curl, EXIT CODES). */
const curlExitClasses: Record<number, FailureClass> = {
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
  failureClass: FailureClass;
}

const curlErrorLine = /^curl: \((\d+)\) (.*)$/;

/** Reads a `curl: (N) …` line, or returns undefined. */
export function parseCurlError(line: string): CurlError | undefined {
  const match = curlErrorLine.exec(line.trim());
  if (!match) return undefined;
  const code = Number(match[1]);
  return { code, message: match[2], failureClass: curlExitClasses[code] ?? 'protocol' };
}

/** Guesses a failure class from free text (client logs that only print an error message). */
export function classifyErrorText(text: string): FailureClass | null {
  const t = text.toLowerCase();
  if (/could not resolve|enotfound|eai_again|name or service not known|dns|lookup failed/.test(t)) return 'dns';
  if (/refused|econnrefused|connect failed|couldn't connect/.test(t)) return 'tcp_refused';
  if (/timed out|timeout|etimedout/.test(t)) return 'timeout';
  if (/ssl|tls|certificate/.test(t)) return 'tls';
  if (/\b(401|403|404|5\d\d)\b|unauthori[sz]ed|forbidden|not found/.test(t)) return 'http_status';
  return null;
}
