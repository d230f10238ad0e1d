/**
 * Options of `startDemoGateway`, validated once at start so a bad value fails loudly with the
 * field and the fix, not as a confusing probe result later.
 */
import { z } from 'astro/zod';

/** Options for the demo gateway (the LiteLLM + Traefik stand-in). */
export const DemoGatewayOptionsSchema = z.object({
  /** Interface to listen on; loopback by default so the demo is never reachable from outside. */
  host: z.string().min(1).default('127.0.0.1'),
  /** TCP port; 0 picks a free one (read it back from `gateway.port`). */
  port: z.number().int().min(0).max(65535).default(0),
  /**
   * The admin/master key. Clients authenticate with `Authorization: Bearer <masterKey>`; Traefik's
   * status-route middleware injects it. Never logged or echoed.
   * @example 'sk-demo-2f9c…' (generate one; never commit it)
   */
  masterKey: z.string().min(1),
  /** Interval of the `: ping - <timestamp>` comments on open SSE streams (sse-starlette default 15 s). */
  pingIntervalMs: z.number().int().positive().default(15_000),
  /**
   * PostgreSQL URL for `mcp_postgres` (@modelcontextprotocol/server-postgres). Without it
   * `mcp_postgres` is reported `unreachable`, as LiteLLM reports a server it cannot reach.
   * @example 'postgresql://proofbook@127.0.0.1:54329/proofbook_demo'
   */
  postgresUrl: z.string().regex(/^postgres(ql)?:\/\//, { error: 'must start with postgresql:// (or postgres://)' }).optional(),
  /**
   * Without `postgresUrl`, start an embedded PostgreSQL (PGlite, in memory, seeded with `demo_items`) for
   * `mcp_postgres`, as `npm start` and `npm run demo-gateway` do. Off by default: most tests need no database.
   */
  embeddedPostgres: z.boolean().default(false),
  /** Folder `mcp_filesystem` serves; default: a fresh temp dir with a couple of files, removed on stop. */
  filesystemRoot: z.string().min(1).optional(),
  /** Receives one access-log line per request and upstream diagnostics; keys are scrubbed first. */
  logger: z.custom<(line: string) => void>((value) => typeof value === 'function', { error: 'must be a function (line: string) => void' }).optional(),
  /** Tools per `tools/list` page; lower it in tests to see `nextCursor` paging. */
  toolsPageSize: z.number().int().positive().default(1000),
  /** Upper bound for starting an upstream or one upstream call, in milliseconds. */
  upstreamTimeoutMs: z.number().int().positive().default(15_000),
});

export type DemoGatewayOptions = z.input<typeof DemoGatewayOptionsSchema>;
export type ResolvedDemoGatewayOptions = z.output<typeof DemoGatewayOptionsSchema>;

/** Validates options; the error names each bad field and how to fix it, without echoing values. */
export function parseDemoGatewayOptions(input: DemoGatewayOptions): ResolvedDemoGatewayOptions {
  const result = DemoGatewayOptionsSchema.safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(options)'}: ${issue.message}`);
  throw new Error(`startDemoGateway options are invalid:\n${lines.join('\n')}`);
}
