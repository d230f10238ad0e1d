import { z } from 'astro/zod';

/**
 * What the Codex CLI printed, read into data (issue 24): the same shape whether the probe ran Codex on the generated
 * config or an operator captured `codex mcp list`, `codex mcp get` or `codex doctor --json` elsewhere. The readers
 * live in src/ingest/codex-run.ts (the probe calls them too); src/checks/codex-cli.ts judges only these fields.
 */

/** One MCP server as Codex read it from config.toml (`codex mcp list/get`, table, text or `--json`). */
export const CodexServerSchema = z.object({
  name: z.string(),
  transport: z.enum(['stdio', 'streamable_http']),
  enabled: z.boolean(),
  url: z.string().optional(),
  /** The stdio command (never looked up on PATH by list/get). */
  command: z.string().optional(),
  /** NAME of the env var that holds the bearer token (never its value). */
  bearerTokenEnvVar: z.string().optional(),
  /** Codex's own word on auth, as printed: `bearer_token`, `unsupported`, `Bearer token`, `True`. */
  auth: z.string().optional(),
  /** Headers Codex sends (`http_headers` + `env_http_headers`), values as printed (masked in text output); undefined when the output does not show them. */
  headers: z.record(z.string(), z.string()).optional(),
});

/** One check of `codex doctor --json` (codex-cli 0.169: `checks` keyed by id), details as strings. */
export const CodexDoctorCheckSchema = z.object({
  status: z.string(),
  summary: z.string(),
  details: z.record(z.string(), z.string()),
});

/** One Codex CLI invocation as observed: what it printed, and what that says. */
export const CodexRunSchema = z.object({
  args: z.array(z.string()),
  code: z.number().int().nullable(),
  stdout: z.string(),
  stderr: z.string(),
  /** Codex refused config.toml (`Error: failed to load …` and its `Caused by:` lines on stderr). */
  configError: z.string().optional(),
  /** Any other `Error: …` Codex printed (e.g. no server of that name). */
  error: z.string().optional(),
  /** The servers `codex mcp list` / `codex mcp get` showed. */
  servers: z.array(CodexServerSchema).optional(),
  /** `codex doctor --json`: the Codex version and the checks that speak about the config (`config.load`, `mcp.config`). */
  doctor: z.object({ codexVersion: z.string().optional(), checks: z.record(z.string(), CodexDoctorCheckSchema) }).optional(),
});

export type CodexServer = z.output<typeof CodexServerSchema>;
export type CodexDoctorCheck = z.output<typeof CodexDoctorCheckSchema>;
export type CodexRun = z.output<typeof CodexRunSchema>;
