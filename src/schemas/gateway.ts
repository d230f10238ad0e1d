import { z } from 'astro/zod';

/** An env var NAME (never its value): letters, digits and `_`, not starting with a digit. */
export const EnvVarNameSchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'Expected an environment variable NAME such as LITELLM_API_KEY, not a value' });

/** An MCP server name as LiteLLM registers it (`mcp_servers:` keys), e.g. `mcp_postgres`. */
export const McpServerNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9_]+$/, { error: 'MCP server names use letters, digits and "_" (LiteLLM puts "-" between server and tool)' });

/** One place the gateway can be reached from: a base URL plus the key and servers clients use there. */
export const GatewayEnvironmentSchema = z.object({
  /** What a reader calls this environment. @example 'LAN (internal)' */
  label: z.string().min(1),
  /**
   * Base URL of the gateway as clients reach it, without the MCP path.
   * @example 'https://litellm.linuxserver.lan'
   */
  baseUrl: z.url({ protocol: /^https?$/, error: 'Expected an http(s) URL such as https://litellm.linuxserver.lan' }),
  /** Path of the aggregate MCP endpoint; LiteLLM serves it with a trailing slash. */
  mcpPath: z.string().startsWith('/').default('/mcp/'),
  /** NAME of the env var that holds the client key. The value is read at probe time and never stored. */
  keyEnv: EnvVarNameSchema,
  /** NAME of the env var that holds the admin key, when a check needs one (the key Traefik injects on the status route). */
  adminKeyEnv: EnvVarNameSchema.optional(),
  /** MCP servers clients scope to with `x-mcp-servers`. @example ['mcp_postgres', 'mcp_filesystem'] */
  servers: z.array(McpServerNameSchema).min(1),
  /**
   * The URL is given with `--base-url` when a run starts (a local gateway on a free port, such as the demo
   * gateway): such runs are this environment, not an override of it.
   */
  runtimeUrl: z.boolean().default(false),
  /** Free text shown in client guides, e.g. who can reach this URL. */
  notes: z.string().optional(),
});

/** `content/gateway.yaml`: the one definition every probe and client snippet is generated from. */
export const GatewaySchema = z.object({
  schemaVersion: z.literal(1),
  /** Name clients register the gateway under (Codex `[mcp_servers.<name>]`, VS Code `servers.<name>`). */
  name: z.string().regex(/^[A-Za-z0-9_-]+$/, { error: 'Expected letters, digits, "-" or "_" (Codex rejects other server names)' }),
  /** Environments by id; ids are used on the command line (`--env internal`) and in evidence. */
  environments: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), GatewayEnvironmentSchema),
  /** The environment `npm run probe` uses when `--env` is not given. */
  defaultEnvironment: z.string().optional(),
});

export type Gateway = z.output<typeof GatewaySchema>;
export type GatewayInput = z.input<typeof GatewaySchema>;
export type GatewayEnvironment = z.output<typeof GatewayEnvironmentSchema>;
