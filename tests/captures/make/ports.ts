// Fixed loopback ports: the generator runs in its own network namespace, where nothing else listens, so fixed
// ports are always free and the recorded commands are the same on every regeneration.
export const PORTS = {
  /** @modelcontextprotocol/server-everything, streamable HTTP (stateful sessions, SSE answers). */
  everything: 18101,
  /** json-page-server: SDK in JSON-response mode, tools/list page size 2, SDK keep-alive default (15 s). */
  json: 18102,
  /** A second json-page-server behind the gate's /down route; stopped before the 502 captures. */
  jsonDown: 18103,
  /** json-page-server with keep-alive comments turned off: a GET stream that stays silent. */
  jsonSilentStream: 18104,
  /** ping-sse-server: LiteLLM/sse-starlette style `: ping - <ts>` comments every 15 s. */
  pings: 18105,
  /** Accepts connections and never answers. */
  silent: 18106,
  /** Nothing listens here: connection refused. */
  closed: 18107,
  /** nginx: the Bearer gate. */
  gate: 18080,
  /** nginx: TLS with a self-signed certificate. */
  tls: 18443,
} as const;

/** A host name that cannot resolve inside the loopback-only namespace (the seed's gateway host). */
export const UNRESOLVABLE_HOST = 'litellm.linuxserver.lan';
