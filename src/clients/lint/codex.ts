/**
 * Validator for Codex `config.toml` MCP entries. The transport rules mirror Codex's own
 * `codex-rs/config/src/mcp_types.rs` (reference mcp-clients.md §1.2): tests run the real Codex CLI
 * on the same files and assert it refuses exactly what this flags as `codex-refuses`.
 */
import { parse, TomlError } from 'smol-toml';
import type { LintProblem } from '../types.ts';
import { lintHeader } from './headers.ts';
import { tomlLineIndex } from './locate.ts';
import { didYouMean } from '../../util/did-you-mean.ts';
import type { LintOptions } from '../types.ts';

const STDIO_ONLY = ['args', 'env', 'env_vars', 'cwd'];
const HTTP_ONLY = ['url', 'bearer_token_env_var', 'bearer_token', 'http_headers', 'env_http_headers', 'oauth_resource'];
const SHARED = ['startup_timeout_sec', 'startup_timeout_ms', 'tool_timeout_sec', 'enabled', 'required', 'enabled_tools', 'disabled_tools', 'tools', 'scopes', 'oauth', 'http_headers_helper'];
const KNOWN = new Set(['command', ...STDIO_ONLY, ...HTTP_ONLY, ...SHARED]);
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Rules whose problems make Codex itself refuse to load the config (it exits with an error). */
export const CODEX_REFUSES = new Set(['codex/toml-syntax', 'codex/transport', 'codex/inline-bearer-token', 'codex/stdio-field', 'codex/http-field']);

type Table = Record<string, unknown>;
const isTable = (value: unknown): value is Table => typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/** Parses TOML, turning a syntax error into a located problem. */
export function parseToml(text: string): { data: Table } | { problem: LintProblem } {
  try {
    return { data: parse(text) as Table };
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    let message = error.message.split('\n')[0]?.replace(/^Invalid TOML document: /, '') ?? 'invalid TOML';
    // smol-toml reports a string left open as the line break it then meets: "control characters are not allowed".
    const lineText = text.split('\n')[error.line - 1] ?? '';
    if (/control characters/.test(message) && error.column > lineText.replace(/\r$/, '').length) message = 'unterminated string (a closing " is missing on this line)';
    return { problem: { line: error.line, column: error.column, severity: 'error', rule: 'codex/toml-syntax', message: `TOML syntax error: ${message}` } };
  }
}

/** Validates the text of a Codex `config.toml`; returns every problem with its line. */
export function lintCodexConfig(text: string, options: LintOptions = {}): LintProblem[] {
  const parsed = parseToml(text);
  if ('problem' in parsed) return [parsed.problem];
  const lineOf = tomlLineIndex(text);
  const servers = parsed.data.mcp_servers;
  if (servers === undefined) {
    return [{ line: 1, severity: 'error', rule: 'codex/no-servers', message: 'no [mcp_servers.<name>] table; Codex sees no MCP server in this file' }];
  }
  if (!isTable(servers)) return [{ line: lineOf(['mcp_servers']), severity: 'error', rule: 'codex/no-servers', message: 'mcp_servers must be a table of servers' }];
  return Object.entries(servers)
    .flatMap(([name, entry]) => lintServer(name, entry, (key) => lineOf(['mcp_servers', name, ...key]), options))
    .sort((a, b) => a.line - b.line);
}

function lintServer(name: string, entry: unknown, lineOf: (key: string[]) => number, options: LintOptions): LintProblem[] {
  const at = (key: string[], severity: LintProblem['severity'], rule: string, message: string): LintProblem => ({ line: lineOf(key), severity, rule, message: `mcp_servers.${name}: ${message}` });
  if (!isTable(entry)) return [at([], 'error', 'codex/transport', 'must be a table')];
  const problems: LintProblem[] = [];
  if (!/^[A-Za-z0-9_-]+$/.test(name)) problems.push(at([], 'warning', 'codex/server-name', 'use only letters, digits, "-" and "_" in server names (`codex mcp add` rejects others)'));
  const isStdio = 'command' in entry;
  const isHttp = 'url' in entry;
  if (!isStdio && !isHttp) problems.push(at([], 'error', 'codex/transport', 'invalid transport: set `url` (streamable HTTP) or `command` (stdio)'));
  for (const key of Object.keys(entry)) {
    if (key === 'bearer_token') {
      problems.push(at([key], 'error', 'codex/inline-bearer-token', 'inline `bearer_token` is rejected by Codex; put the key in an env var and write `bearer_token_env_var = "LITELLM_API_KEY"`'));
    } else if (isStdio && HTTP_ONLY.includes(key)) {
      problems.push(at([key], 'error', 'codex/stdio-field', `\`${key}\` is not supported for stdio (this entry also has \`command\`); keep either \`command\` or \`url\``));
    } else if (!isStdio && isHttp && STDIO_ONLY.includes(key)) {
      problems.push(at([key], 'error', 'codex/http-field', `\`${key}\` is not supported for streamable HTTP`));
    } else if (key === 'headers') {
      problems.push(at([key], 'error', 'codex/headers-table', 'Codex silently ignores a `headers` table and sends none of it; use `http_headers` (literal values) or `env_http_headers` (env var names)'));
    } else if (!KNOWN.has(key)) {
      problems.push(at([key], 'warning', 'codex/unknown-key', `Codex ignores unknown key \`${key}\`${didYouMean(key, KNOWN, (k) => `\`${k}\``)}`));
    }
  }
  problems.push(...lintHttpFields(entry, at));
  const tokenVar = entry.bearer_token_env_var;
  if (options.env && typeof tokenVar === 'string' && ENV_NAME.test(tokenVar) && !options.env[tokenVar]) {
    problems.push(at(['bearer_token_env_var'], 'warning', 'codex/unset-variable', `${tokenVar} is not set in this shell; Codex sends no key without it (export it where Codex runs)`));
  }
  return problems;
}

type At = (key: string[], severity: LintProblem['severity'], rule: string, message: string) => LintProblem;

function lintHttpFields(entry: Table, at: At): LintProblem[] {
  const problems: LintProblem[] = [];
  const tokenVar = entry.bearer_token_env_var;
  if (tokenVar !== undefined && (typeof tokenVar !== 'string' || !ENV_NAME.test(tokenVar))) {
    problems.push(at(['bearer_token_env_var'], 'error', 'codex/env-name', '`bearer_token_env_var` takes the NAME of an env var (e.g. "LITELLM_API_KEY"), not the key itself'));
  }
  for (const [field, check] of [['http_headers', 'literal'], ['env_http_headers', 'env']] as const) {
    const headers = entry[field];
    if (headers === undefined) continue;
    if (!isTable(headers)) {
      problems.push(at([field], 'error', 'codex/header-type', `\`${field}\` must be a table of header = value`));
      continue;
    }
    for (const [header, value] of Object.entries(headers)) {
      if (check === 'env') {
        if (typeof value !== 'string' || !ENV_NAME.test(value)) problems.push(at([field], 'error', 'codex/env-name', `env_http_headers."${header}" must name an env var, e.g. "LITELLM_AUTH_HEADER"`));
        continue;
      }
      problems.push(...lintHeader(header, value, at([field], 'error', 'x', '').line, 'codex').map((p) => ({ ...p, message: `${field}: ${p.message}` })));
      if (typeof value === 'string' && /\$\{?[A-Za-z_]/.test(value)) {
        problems.push(at([field], 'error', 'codex/no-expansion', `http_headers."${header}" contains a variable reference; Codex sends http_headers literally (use bearer_token_env_var or env_http_headers)`));
      }
    }
  }
  for (const field of ['startup_timeout_sec', 'tool_timeout_sec', 'startup_timeout_ms']) {
    if (field in entry && typeof entry[field] !== 'number' && typeof entry[field] !== 'bigint') problems.push(at([field], 'error', 'codex/timeout', `\`${field}\` must be a number`));
  }
  return problems;
}
