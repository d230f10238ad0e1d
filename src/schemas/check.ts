import { z } from 'astro/zod';
import { AuthModeSchema } from './auth-mode.ts';
import { CheckBaseSchema } from './check-base.ts';
import { DurationSchema } from './duration.ts';
import { McpServerNameSchema } from './gateway.ts';
import { ClientProfileCheckSchema, CodexCliCheckSchema } from './client-profile-check.ts';
import { McpCallCheckSchema, McpHealthCheckSchema, McpScopeCheckSchema } from './depth-check.ts';

/**
 * Check definitions (`content/checks/*.yaml`). One strict object per probe kind, so a typo in a key is an
 * error rather than a silently ignored field. To add a kind: write its schema here, add it to
 * `checkKindSchemas`, and add its probe to `src/probes/registry.ts` (the registry is typed against these keys).
 */

const base = CheckBaseSchema.shape;

export { AuthModeSchema };

/** HTTP method of the request. */
export const HttpMethodSchema = z.enum(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']);

/** Header names that carry secrets; checks may not set them literally (use `auth:` so the value comes from an env var). */
export const SECRET_HEADER_NAMES = ['authorization', 'x-litellm-api-key', 'cookie', 'proxy-authorization'] as const;

/** Extra request headers. Secret-bearing headers are refused: their values would end up in a file in git. */
export const RequestHeadersSchema = z.record(z.string(), z.string()).superRefine((headers, ctx) => {
  for (const name of Object.keys(headers)) {
    if ((SECRET_HEADER_NAMES as readonly string[]).includes(name.toLowerCase())) {
      ctx.issues.push({
        code: 'custom',
        input: name,
        path: [name],
        message: `"${name}" carries a secret; use "auth: key" (the value is read from the environment's keyEnv) instead`,
      });
    }
  }
});

/** One expectation on a JSON response body, addressed by a dotted path. */
export const JsonExpectationSchema = z
  .strictObject({
    /** Dotted path into the body. @example 'result.tools[0].name' */
    path: z.string().min(1),
    /** The value must equal this. */
    equals: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
    /** The path must exist (true) or be absent (false). */
    exists: z.boolean().optional(),
    /** The value, as a string, must match this regular expression. @example '^\\d+\\.\\d+' */
    matches: z.string().optional(),
  })
  .refine((e) => [e.equals, e.exists, e.matches].filter((v) => v !== undefined).length === 1, {
    error: 'Give exactly one of "equals", "exists" or "matches"',
  });

/** Status codes an answer may have: one code or a list. */
export const StatusExpectationSchema = z.union([z.number().int().min(100).max(599), z.array(z.number().int().min(100).max(599)).min(1)]);

/** What the answer must be for the check to pass; every field has a default. */
export const HttpExpectSchema = z.strictObject({
  /** Expected status code(s). @example [200, 307] */
  status: StatusExpectationSchema.default(200),
  /** Response headers that must contain the given text (case-insensitive names). @example { content-type: 'application/json' } */
  headers: z.record(z.string(), z.string()).optional(),
  /** Text the body must contain. @example "I'm alive" */
  bodyContains: z.string().optional(),
  /** Expectations on the JSON body. */
  json: z.array(JsonExpectationSchema).optional(),
  /** Slower than this is `degraded`, not `fail`. @example '2s' */
  maxLatency: DurationSchema.optional(),
});

/** `kind: http`: one request, expectations on status, headers, JSON body paths and latency. */
export const HttpCheckSchema = z.strictObject({
  ...base,
  kind: z.literal('http'),
  method: HttpMethodSchema.default('GET'),
  /** Path on the environment's base URL. @example '/health/readiness' */
  path: z.string().startsWith('/'),
  auth: AuthModeSchema.default('key'),
  headers: RequestHeadersSchema.default({}),
  /** Request body, sent as is. */
  body: z.string().optional(),
  expect: HttpExpectSchema.prefault({}),
});

/**
 * What a request in an auth matrix should get. `traefik-404` is Traefik's plain `404 page not found` (no router
 * matched), `litellm-401` is LiteLLM's 401, `refused` is either of those or a 403, `ok` is any 2xx/3xx, a number is
 * that exact status.
 */
export const AuthOutcomeSchema = z.union([z.enum(['ok', 'traefik-404', 'litellm-401', 'refused']), z.number().int().min(100).max(599)]);

/** One path of an auth matrix with the outcome expected for each key it is probed with (leave one out to skip it). */
export const AuthMatrixRowSchema = z
  .strictObject({
    /** Path on the environment's base URL. @example '/ui' */
    path: z.string().startsWith('/'),
    method: HttpMethodSchema.default('GET'),
    /** Expected outcome without any key. */
    none: AuthOutcomeSchema.optional(),
    /** Expected outcome with a wrong key. */
    wrong: AuthOutcomeSchema.optional(),
    /** Expected outcome with the environment's key. */
    right: AuthOutcomeSchema.optional(),
  })
  .refine((row) => row.none !== undefined || row.wrong !== undefined || row.right !== undefined, {
    error: 'Give at least one of "none", "wrong" or "right"',
  });

/** `kind: auth-matrix`: each path with no key, a wrong key and the right key; each case has its own expected outcome. */
export const AuthMatrixCheckSchema = z.strictObject({
  ...base,
  kind: z.literal('auth-matrix'),
  paths: z.array(AuthMatrixRowSchema).min(1),
  /** The wrong key sent for `wrong` cases (not a secret: it must never work). */
  wrongKey: z.string().min(1).default('sk-proofbook-wrong-key'),
  /** Header the key travels in: `authorization` (`Bearer <key>`) or LiteLLM's own `x-litellm-api-key`, which it prefers. */
  keyHeader: z.enum(['authorization', 'x-litellm-api-key']).default('authorization'),
  /**
   * With `keyHeader: x-litellm-api-key`, what `Authorization` carries meanwhile: nothing, or `Bearer <wrongKey>`, which
   * gets a request past Traefik's Bearer gate and which LiteLLM must not prefer.
   */
  bearer: z.enum(['none', 'wrong']).default('none'),
});

/** What the MCP exchange must show for the check to pass; every field has a default. */
export const McpExpectSchema = z.strictObject({
  /** The negotiated protocol version must be this. @example '2025-11-25' */
  protocolVersion: z.string().optional(),
  /** At least this many tools in total. */
  minTools: z.number().int().nonnegative().default(1),
  /** Every scoped server must list at least one tool (a server with none is a failure of that server). */
  everyServerHasTools: z.boolean().default(true),
  /** Every server in `_meta["litellm.ai/server_outcomes"]` must say `ok`. */
  serverOutcomesOk: z.boolean().default(true),
  /** What it is when some scoped servers are fine and others are not. */
  partialIs: z.enum(['fail', 'degraded']).default('degraded'),
});

/** `kind: mcp`: initialize → notifications/initialized → tools/list (all pages) → DELETE the session. */
export const McpCheckSchema = z.strictObject({
  ...base,
  kind: z.literal('mcp'),
  /** MCP endpoint path; the environment's `mcpPath` when left out. @example '/mcp/' */
  path: z.string().startsWith('/').optional(),
  /** Servers sent in `x-mcp-servers`; the environment's `servers` when left out. */
  servers: z.array(McpServerNameSchema).min(1).optional(),
  auth: AuthModeSchema.default('key'),
  /** Protocol version the probe offers in `initialize`. */
  protocolVersion: z.string().default('2025-11-25'),
  /** Stop after `initialize` (+ initialized) or go on to list the tools. */
  steps: z.enum(['initialize', 'tools-list']).default('tools-list'),
  /** Give up on cursor pagination after this many pages (a server that never ends the walk is a protocol failure). */
  maxPages: z.number().int().min(1).max(1000).default(50),
  expect: McpExpectSchema.prefault({}),
});

/** What the stream must carry for the check to pass; every field has a default. */
export const SseExpectSchema = z.strictObject({
  /** At least this many `: ping` comments inside the window. */
  minPings: z.number().int().nonnegative().default(1),
  /** Expected time between pings. @example '15s' */
  pingInterval: DurationSchema.optional(),
  /** Allowed deviation of each interval from `pingInterval`, as a fraction (0.5 = ±50 %). Outside it is `degraded`. */
  pingTolerance: z.number().min(0).max(10).default(0.5),
  /** Whether a tool catalog (`tools` in an event) may arrive on the stream: LiteLLM's GET stream never carries one. */
  catalog: z.enum(['absent', 'present', 'any']).default('absent'),
});

/** Capture bounds and expectations that may differ per environment (the demo gateway pings faster). */
export const SseOverrideSchema = z.strictObject({
  /** `window` in this environment. */
  window: DurationSchema.optional(),
  /** `maxBytes` in this environment. */
  maxBytes: z.number().int().positive().optional(),
  /** `maxEvents` in this environment. */
  maxEvents: z.number().int().positive().optional(),
  /** `timeout` in this environment. */
  timeout: DurationSchema.optional(),
  /** Fields of `expect` that differ in this environment. */
  expect: SseExpectSchema.partial().optional(),
});

/** `kind: sse-capture`: GET with `Accept: text/event-stream`, read for a bounded window, count pings, look for a catalog. */
export const SseCaptureCheckSchema = z
  .strictObject({
    ...base,
    kind: z.literal('sse-capture'),
    /** Path of the event stream on the environment's base URL. */
    path: z.string().startsWith('/').default('/mcp/tools'),
    auth: AuthModeSchema.default('key'),
    /** Servers sent in `x-mcp-servers`; the environment's `servers` when left out. */
    servers: z.array(McpServerNameSchema).min(1).optional(),
    /** How long to watch the stream. Must be shorter than `timeout`. @example '35s' */
    window: DurationSchema.prefault('5s'),
    /** Stop reading after this many bytes. */
    maxBytes: z.number().int().positive().default(64 * 1024),
    /** Stop reading after this many events and comments. */
    maxEvents: z.number().int().positive().default(100),
    expect: SseExpectSchema.prefault({}),
    /** Per-environment changes, keyed by environment id. @example { demo: { window: '2s', expect: { pingInterval: '500ms' } } } */
    byEnvironment: z.record(z.string(), SseOverrideSchema).optional(),
  })
  .superRefine((check, ctx) => {
    if (check.window >= check.timeout) {
      ctx.issues.push({ code: 'custom', input: check.window, path: ['window'], message: `window (${check.window} ms) must be shorter than timeout (${check.timeout} ms)` });
    }
    for (const [env, o] of Object.entries(check.byEnvironment ?? {})) {
      if ((o.window ?? check.window) >= (o.timeout ?? check.timeout)) {
        ctx.issues.push({ code: 'custom', input: o, path: ['byEnvironment', env, 'window'], message: 'window must be shorter than timeout' });
      }
    }
  });

/** Every check kind by name. Keys are the `kind:` values authors write. */
export const checkKindSchemas = {
  http: HttpCheckSchema,
  'auth-matrix': AuthMatrixCheckSchema,
  mcp: McpCheckSchema,
  'sse-capture': SseCaptureCheckSchema,
  'client-profile': ClientProfileCheckSchema,
  'codex-cli': CodexCliCheckSchema,
  'mcp-health': McpHealthCheckSchema,
  'mcp-call': McpCallCheckSchema,
  'mcp-scope': McpScopeCheckSchema,
} as const;

export type CheckKind = keyof typeof checkKindSchemas;
export const CheckKindSchema = z.enum(Object.keys(checkKindSchemas) as [CheckKind, ...CheckKind[]]);

type KindSchema = (typeof checkKindSchemas)[CheckKind];

/** One check, whatever its kind (derived from `checkKindSchemas`, so a new kind is one entry there). */
export const CheckSchema = z.discriminatedUnion('kind', Object.values(checkKindSchemas) as [KindSchema, ...KindSchema[]]);

/** A `content/checks/*.yaml` file. */
export const CheckFileSchema = z.strictObject({
  checks: z.array(CheckSchema).min(1),
});

export type Check = z.output<typeof CheckSchema>;
export type CheckInput = z.input<typeof CheckSchema>;
export type CheckOf<K extends CheckKind> = Extract<Check, { kind: K }>;
export type HttpCheck = CheckOf<'http'>;
export type AuthMatrixCheck = CheckOf<'auth-matrix'>;
export type McpCheck = CheckOf<'mcp'>;
export type SseCaptureCheck = CheckOf<'sse-capture'>;
export type AuthMode = z.output<typeof AuthModeSchema>;
export type AuthOutcome = z.output<typeof AuthOutcomeSchema>;
export type JsonExpectation = z.output<typeof JsonExpectationSchema>;
