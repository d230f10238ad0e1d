/**
 * Shapes shared by the client generators. They describe generated text, not input data, so they
 * are plain types rather than zod schemas (nothing here is ever parsed from a file).
 */

/** Where a snippet applies: one tab per OS family in the guides. */
export type SnippetOs = 'any' | 'unix' | 'windows';

/** Languages Expressive Code highlights for our snippets. */
export type SnippetLang = 'toml' | 'json' | 'jsonc' | 'bash' | 'powershell' | 'text';

/** One piece of generated text a reader copies: a file's content or a command. */
export interface Snippet {
  /** Stable id within a client, e.g. `config` or `add-command`. */
  id: string;
  /** Tab or block title, e.g. `~/.codex/config.toml`. */
  title: string;
  lang: SnippetLang;
  os: SnippetOs;
  code: string;
}

/** Everything the gateway definition tells a generator about one environment. */
export interface ClientContext {
  /** Name clients register the gateway under, from `gateway.yaml` `name`. */
  serverName: string;
  /** Environment id, e.g. `internal`. */
  environment: string;
  label: string;
  /** Full MCP endpoint URL, e.g. `https://litellm.linuxserver.lan/mcp/`. */
  mcpUrl: string;
  /** NAME of the env var holding the client key. */
  keyEnv: string;
  /** Servers to scope to, sent as `x-mcp-servers`. */
  servers: string[];
  notes?: string;
}

/** The request a client makes, as far as the gateway can tell: URL and headers. */
export interface ClientRequest {
  url: string;
  /** Header names as the client writes them; values may hold `<NAME>` key placeholders. */
  headers: Record<string, string>;
}

/**
 * Where a client gets secret values from when it builds its request: the process environment,
 * and what the user types into a prompt (VS Code `inputs`) or pastes over a `<NAME>` placeholder.
 */
export interface SecretSource {
  env: Readonly<Record<string, string | undefined>>;
  /** Answer to a VS Code `promptString` input; defaults to the placeholder for the key env var. */
  answerInput?: (id: string, description: string) => string | undefined;
}

/** What one generator produces for one environment. */
export interface ClientSetup {
  client: string;
  environment: string;
  /** The snippet whose text {@link ClientGenerator.resolve} reads: what the client itself loads. */
  primary: Snippet;
  /** Every snippet, primary included, in reading order. */
  snippets: Snippet[];
  /** UI steps, for clients configured by clicking (Open WebUI, Claude Desktop). */
  steps: string[];
  /** The request this setup makes the client send, with the key as `<KEY_ENV>`. */
  sends: ClientRequest;
}

/** A problem a validator found, located by line (1-based). */
export interface LintProblem {
  line: number;
  column?: number;
  severity: 'error' | 'warning';
  /** Short rule id, e.g. `codex/inline-bearer-token`. */
  rule: string;
  message: string;
}

/** Options validators take: what the user's environment holds, for rules about env var names. */
export interface LintOptions {
  /** When given, `${VAR}` references are checked against it (Claude Code fails on an unset one). */
  env?: Readonly<Record<string, string | undefined>>;
  /** MCP server names content/gateway.yaml defines: an `x-mcp-servers` value naming another is a typo. */
  servers?: readonly string[];
  /** Whether a stdio server's command can be run here (a PATH lookup, passed in so linting stays pure). */
  commandExists?: (command: string) => boolean;
}

/** One client: how to generate its setup, how it turns config into a request, how to lint its file. */
export interface ClientGenerator {
  title: string;
  /** Check id whose evidence backs this client's guide. */
  checkId: string;
  generate: (context: ClientContext) => ClientSetup;
  /** The request the client sends for this primary snippet text; throws ClientConfigError when it would not connect. */
  resolve: (primaryText: string, secrets: SecretSource) => ClientRequest;
  /** Validates a file of this client's format; absent for command-only clients (Inspector, curl). */
  lint?: (text: string, options?: LintOptions) => LintProblem[];
}

/** The client would refuse this config or fail before sending anything (Codex startup error, unset variable). */
export class ClientConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClientConfigError';
  }
}
