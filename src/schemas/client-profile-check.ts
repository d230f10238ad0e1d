import { z } from 'astro/zod';
import { CheckBaseSchema } from './check-base.ts';

/**
 * Clients we generate setup guides for. `src/clients/registry.ts` is typed against this list, so a
 * client without a generator (or a generator without an entry here) does not compile.
 */
export const ClientIdSchema = z.enum(['codex', 'vscode', 'claude-code', 'cursor', 'open-webui', 'claude-desktop', 'inspector', 'curl']);

/** What the client's exchange must show for the check to pass; every field has a default. */
export const ClientProfileExpectSchema = z.strictObject({
  /** At least this many tools must be listed. */
  minTools: z.number().int().nonnegative().default(1),
  /** The client must send `x-mcp-servers` naming exactly the environment's servers (without it a client sees every server its key allows). */
  scopeHeader: z.boolean().default(true),
});

/**
 * `kind: client-profile`: generate the client's snippet for the environment, work out the request that
 * snippet makes the client send (its own variable syntax, its own quirks), and run initialize + tools/list
 * with exactly those headers.
 */
export const ClientProfileCheckSchema = z.strictObject({
  ...CheckBaseSchema.shape,
  kind: z.literal('client-profile'),
  /** Which client's generated snippet to replay. @example 'vscode' */
  client: ClientIdSchema,
  /** Name the gateway is registered under in the snippet (`gateway.yaml` `name`). */
  serverName: z.string().regex(/^[A-Za-z0-9_-]+$/).default('litellm'),
  /** Protocol version offered in `initialize`. */
  protocolVersion: z.string().default('2025-11-25'),
  expect: ClientProfileExpectSchema.prefault({}),
});

/**
 * `kind: codex-cli`: write the generated Codex config to a temp `CODEX_HOME` and ask the real Codex CLI
 * (`codex mcp list --json`, `codex mcp get --json`, `codex doctor --json`) whether it loads it as intended.
 * Codex runs in a loopback-only network namespace.
 */
export const CodexCliCheckSchema = z.strictObject({
  ...CheckBaseSchema.shape,
  kind: z.literal('codex-cli'),
  /** Name the gateway is registered under in the generated `config.toml` (`[mcp_servers.<name>]`). */
  serverName: z.string().regex(/^[A-Za-z0-9_-]+$/).default('litellm'),
  /** Also run `codex doctor --json` (slow when the gateway is unreachable: its reachability probe times out). */
  doctor: z.boolean().default(true),
});

export type CodexCliCheck = z.output<typeof CodexCliCheckSchema>;
export type ClientId = z.output<typeof ClientIdSchema>;
export type ClientProfileCheck = z.output<typeof ClientProfileCheckSchema>;
