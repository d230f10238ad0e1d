import { z } from 'astro/zod';
import { AuthModeSchema } from './auth-mode.ts';
import { CheckBaseSchema } from './check-base.ts';
import { McpServerNameSchema } from './gateway.ts';

/**
 * Check kinds for depth where a green list can lie (DESIGN.md, anchors-2.md §3.4): the proxy's own MCP health
 * endpoint, a read-only canary `tools/call` per server, and what `x-mcp-servers` narrows to in each form. Each was
 * first verified against the real LiteLLM proxy (issue 26); `src/schemas/check.ts` registers them.
 */

const base = CheckBaseSchema.shape;


export const McpHealthExpectSchema = z.strictObject({
  /** What it is when some servers are healthy and others are not. */
  partialIs: z.enum(['fail', 'degraded']).default('degraded'),
  /** What a server reported `unknown` (or not checked) counts as: LiteLLM says so when it could not tell. */
  unknownIs: z.enum(['pass', 'degraded', 'fail']).default('degraded'),
});

/**
 * `kind: mcp-health`: LiteLLM's MCP server health endpoint. Both shapes are read: the newer array
 * `[{server_id, status}]` (hashed ids, named through `serversPath`) and the older dict
 * `{total_servers, healthy_count, …, servers: {<id>: {status}}}`. Secondary evidence: LiteLLM has reported
 * inaccessible servers healthy before (litellm#18134), which is why the canary calls exist.
 */
export const McpHealthCheckSchema = z.strictObject({
  ...base,
  kind: z.literal('mcp-health'),
  /** The health endpoint. @example '/v1/mcp/server/health' */
  path: z.string().startsWith('/').default('/v1/mcp/server/health'),
  /** LiteLLM's server list (`[{server_id, server_name}]`), read to name the hashed ids of the health answer. */
  serversPath: z.string().startsWith('/').default('/v1/mcp/server'),
  /** The credential sent to both routes (they are management routes: a key limited to LLM routes is refused). */
  auth: AuthModeSchema.default('key'),
  /** Servers that must be reported healthy; the environment's `servers` when left out. */
  servers: z.array(McpServerNameSchema).min(1).optional(),
  /** How partly healthy and unknown servers are judged. */
  expect: McpHealthExpectSchema.prefault({}),
});

export const McpCallExpectSchema = z.strictObject({
  /** The first text item of the result must match this regular expression. @example '^Allowed directories:' */
  textMatches: z.string().optional(),
});

/**
 * `kind: mcp-call`: a canary `tools/call` through the gateway (initialize → initialized → tools/call → DELETE), because
 * a tool list can be green while calls fail (an upstream with a bad credential still lists its tools: litellm#35403).
 * Name a read-only tool: it is called on every run.
 */
export const McpCallCheckSchema = z.strictObject({
  ...base,
  kind: z.literal('mcp-call'),
  /** MCP endpoint path; the environment's `mcpPath` when left out. @example '/mcp/' */
  path: z.string().startsWith('/').optional(),
  /** Servers sent in `x-mcp-servers`; the environment's `servers` when left out. @example ['mcp_postgres'] */
  servers: z.array(McpServerNameSchema).min(1).optional(),
  /** The credential the call carries. */
  auth: AuthModeSchema.default('key'),
  /** Protocol version the probe offers in `initialize`. */
  protocolVersion: z.string().default('2025-11-25'),
  /** The tool as the gateway lists it, `<server>-<tool>`; it must only read. @example 'mcp_postgres-query' */
  tool: z.string().regex(/^[A-Za-z0-9_]+-\S+$/, { error: 'name the tool as the gateway lists it: <server>-<tool>, e.g. "mcp_postgres-query"' }),
  /** The call's arguments. @example { sql: 'SELECT 1 AS one' } */
  arguments: z.record(z.string(), z.unknown()).default({}),
  /** What the call's result must say besides not being an error. */
  expect: McpCallExpectSchema.prefault({}),
});

/** One `x-mcp-servers` value and what `tools/list` must give with it. */
export const McpScopeCaseSchema = z
  .strictObject({
    /** The header value, sent as written. @example '["mcp_postgres"]' */
    header: z.string(),
    /** Exactly these servers' tools must come back, each with at least one, and no other server's. */
    lists: z.array(McpServerNameSchema).min(1).optional(),
    /** `tools/list` must be refused (a JSON-RPC error or an HTTP 4xx) with no tool listed. */
    refused: z.literal(true).optional(),
  })
  .refine((c) => (c.lists === undefined) !== (c.refused === undefined), { error: 'Give exactly one of "lists" or "refused"' });

/**
 * `kind: mcp-scope`: a narrowing matrix for `x-mcp-servers`: each case runs initialize → tools/list with one header
 * value and says which servers' tools must come back, or that the listing must be refused. A header the gateway
 * misreads must never widen the catalog.
 */
export const McpScopeCheckSchema = z.strictObject({
  ...base,
  kind: z.literal('mcp-scope'),
  /** MCP endpoint path; the environment's `mcpPath` when left out. */
  path: z.string().startsWith('/').optional(),
  /** The credential every case carries. */
  auth: AuthModeSchema.default('key'),
  /** Protocol version the probe offers in `initialize`. */
  protocolVersion: z.string().default('2025-11-25'),
  /** Each header value to send, with what it must give. */
  cases: z.array(McpScopeCaseSchema).min(1),
});

export type McpHealthCheck = z.output<typeof McpHealthCheckSchema>;
export type McpCallCheck = z.output<typeof McpCallCheckSchema>;
export type McpScopeCheck = z.output<typeof McpScopeCheckSchema>;
export type McpScopeCase = z.output<typeof McpScopeCaseSchema>;
