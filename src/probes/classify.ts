import type { ProbeFailure, ProbeFailureClass } from '../schemas/observation.ts';

/**
 * Maps what undici/Node throw to the failure classes of DESIGN.md §7. undici wraps socket errors
 * (`TypeError: fetch failed`, `SocketError`) and keeps the system error in `cause`, so the whole chain is read.
 */

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NODATA', 'EAI_FAIL', 'EAI_NONAME', 'ENODATA']);
const TCP_CODES = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN', 'EADDRNOTAVAIL']);
const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT', 'ABORT_ERR']);
const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|EPROTO$)|CERT|SELF_SIGNED|UNABLE_TO_(VERIFY|GET)|HOSTNAME_MISMATCH/;
/** A connection that dies after the request was sent: the answer is truncated, which is a protocol failure. */
const PROTOCOL_CODES = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE', 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH', 'HPE_INVALID_CHUNK_SIZE', 'UND_ERR_INFO']);

/** Error codes along the `cause` chain (and inside AggregateErrors), outermost first. */
function codesOf(error: unknown, depth = 0): string[] {
  if (!error || typeof error !== 'object' || depth > 6) return [];
  const { code, cause, errors, name } = error as { code?: unknown; cause?: unknown; errors?: unknown; name?: unknown };
  const own = [typeof code === 'string' ? code : undefined, name === 'TimeoutError' || name === 'AbortError' ? 'ABORT_ERR' : undefined];
  const nested = [...(Array.isArray(errors) ? errors.flatMap((inner) => codesOf(inner, depth + 1)) : []), ...codesOf(cause, depth + 1)];
  return [...own.filter((c): c is string => c !== undefined), ...nested];
}

/** The most specific message along the chain (undici's outer "fetch failed" says little). */
function messageOf(error: unknown): string {
  let current: unknown = error;
  let message = error instanceof Error ? error.message : String(error);
  for (let i = 0; i < 6 && current && typeof current === 'object'; i++) {
    const inner = (current as { cause?: unknown }).cause;
    if (inner instanceof Error && inner.message) message = inner.message;
    current = inner;
  }
  return message.split('\n')[0] ?? message;
}

/** Picks the class for a list of codes; the order encodes which code wins when several are present. */
function classOf(codes: readonly string[]): ProbeFailureClass | undefined {
  if (codes.some((c) => DNS_CODES.has(c))) return 'dns';
  if (codes.some((c) => TCP_CODES.has(c))) return 'tcp_refused';
  if (codes.some((c) => TLS_CODE.test(c))) return 'tls';
  if (codes.some((c) => TIMEOUT_CODES.has(c))) return 'timeout';
  if (codes.some((c) => PROTOCOL_CODES.has(c))) return 'protocol';
  return undefined;
}

/**
 * Classifies an error thrown by a request. `signal` is the probe's deadline signal: once it has fired, whatever
 * undici threw (an AbortError, a socket error from the destroyed connection) is a timeout.
 */
export function classifyError(error: unknown, signal?: AbortSignal): ProbeFailure {
  const codes = codesOf(error);
  const code = codes.find((c) => c !== 'ABORT_ERR') ?? codes[0];
  if (signal?.aborted) {
    const reason = signal.reason instanceof Error ? signal.reason.message : 'deadline reached';
    return { failureClass: 'timeout', message: reason, ...(code ? { code } : {}) };
  }
  const failureClass = classOf(codes) ?? 'protocol';
  return { failureClass, message: messageOf(error), ...(code ? { code } : {}) };
}

/** A probe failure that is not an exception: a status or a malformed answer. */
export function failure(failureClass: ProbeFailureClass, message: string): ProbeFailure {
  return { failureClass, message };
}
