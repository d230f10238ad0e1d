/**
 * SSE framing as LiteLLM emits it. LiteLLM streams through sse-starlette, whose separator is CRLF
 * and whose keep-alive is a comment `: ping - <str(datetime.now(timezone.utc))>` (reference
 * litellm-traefik.md §1.2), so the TypeScript SDK's LF frames and `: keepalive` comments are
 * re-framed here.
 */

/** sse-starlette's default line separator. */
export const SSE_EOL = '\r\n';

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/**
 * Formats a UTC instant like Python's `str(datetime)` for a tz-aware UTC value:
 * `2025-09-18 07:50:03.123456+00:00`; Python drops the fraction when microseconds are zero.
 */
export function formatPingTimestamp(date: Date): string {
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  const micros = date.getUTCMilliseconds() * 1000;
  const fraction = micros === 0 ? '' : `.${pad(micros, 6)}`;
  return `${day} ${time}${fraction}+00:00`;
}

/** One keep-alive comment frame, exactly as sse-starlette writes it. */
export function formatPingFrame(date: Date): string {
  return `: ping - ${formatPingTimestamp(date)}${SSE_EOL}${SSE_EOL}`;
}

/** One JSON-RPC message frame (`event: message`, no `id:` because LiteLLM has no event store). */
export function formatMessageFrame(data: string): string {
  return `event: message${SSE_EOL}data: ${data}${SSE_EOL}${SSE_EOL}`;
}

/**
 * The first half of a message frame with no terminator: what a client sees when the connection
 * drops mid-message (the cut-stream fault).
 */
export function formatCutMessageFrame(data: string): string {
  return `event: message${SSE_EOL}data: ${data.slice(0, Math.max(1, Math.floor(data.length / 2)))}`;
}

/**
 * Re-serialises a JSON-RPC message with `jsonrpc` and `id` first, the order Python's MCP SDK
 * (pydantic) emits and the reference capture shows. Non-JSON data is returned unchanged.
 */
export function canonicalJsonRpc(data: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return data;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return data;
  const { jsonrpc, id, ...rest } = parsed as Record<string, unknown>;
  return JSON.stringify({ jsonrpc, ...(id === undefined ? {} : { id }), ...rest });
}
