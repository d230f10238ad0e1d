/**
 * Validator for the `mcpServers` JSON shape Claude Code (`.mcp.json`) and Cursor (`mcp.json`) share.
 * They differ in variable syntax: Claude Code expands `${VAR}` / `${VAR:-default}`, Cursor `${env:VAR}`
 * (mcp-clients.md §4.2, §4.3, §4.4).
 */
import type { LintOptions, LintProblem } from '../types.ts';
import { lintHeader } from './headers.ts';
import { findReferences, isObject, parseJsonDoc } from './json.ts';

/** How one client writes variable references, and what it needs in an entry. */
export interface McpServersDialect {
  prefix: 'claude-code' | 'cursor';
  /** Reference kind the client expands; every other kind is sent literally. */
  expands: 'bare' | 'env';
  /** Claude Code needs `"type": "http"` beside `url`; Cursor infers remote from `url`. */
  requiresType: boolean;
}

/** Validates an `mcpServers` JSON file for `dialect`. */
export function lintMcpServersConfig(text: string, dialect: McpServersDialect, options: LintOptions = {}): LintProblem[] {
  const doc = parseJsonDoc(text, dialect.prefix, false);
  if (Array.isArray(doc)) return doc;
  const problems: LintProblem[] = [];
  const add = (path: Array<string | number>, severity: LintProblem['severity'], rule: string, message: string) => problems.push({ line: doc.lineOf(path), severity, rule: `${dialect.prefix}/${rule}`, message });
  const root = isObject(doc.value) ? doc.value : {};
  if (!isObject(root.mcpServers)) {
    add('servers' in root ? ['servers'] : [], 'error', 'servers', 'servers' in root ? 'this client reads "mcpServers", not "servers" (that is VS Code\'s format)' : 'no "mcpServers" object; the client sees no MCP server');
    return problems;
  }
  for (const [name, server] of Object.entries(root.mcpServers)) {
    if (!isObject(server)) continue;
    if ('url' in server && 'command' in server) add(['mcpServers', name], 'error', 'transport', `mcpServers.${name}: has both "url" and "command"; keep one`);
    if ('url' in server && dialect.requiresType && server.type !== 'http' && server.type !== 'sse') {
      add(['mcpServers', name, 'type'], 'error', 'type', `mcpServers.${name}: a remote server needs "type": "http" (without it Claude Code expects a stdio "command")`);
    }
    if (!('url' in server) && !('command' in server)) add(['mcpServers', name], 'error', 'transport', `mcpServers.${name}: needs "url" (remote) or "command" (stdio)`);
    if (isObject(server.headers)) {
      for (const [header, value] of Object.entries(server.headers)) problems.push(...lintHeader(header, value, doc.lineOf(['mcpServers', name, 'headers', header]), dialect.prefix));
    }
  }
  for (const { value, line } of doc.strings) problems.push(...lintReferences(value, line, dialect, options));
  return problems.sort((a, b) => a.line - b.line);
}

function lintReferences(value: string, line: number, dialect: McpServersDialect, options: LintOptions): LintProblem[] {
  const problems: LintProblem[] = [];
  const literal = (raw: string, fix: string) => problems.push({ line, severity: 'error', rule: `${dialect.prefix}/variable-syntax`, message: `${raw} is not expanded by this client and is sent literally; write ${fix}` });
  for (const ref of findReferences(value)) {
    if (ref.kind === 'input') literal(ref.raw, dialect.expands === 'env' ? '${env:NAME}' : '${NAME}');
    else if (ref.kind === 'bare' && dialect.expands === 'env') literal(ref.raw, `\${env:${ref.name}}`);
    else if (ref.kind === 'env' && dialect.expands === 'bare') literal(ref.raw, `\${${ref.name}}`);
    else if (ref.kind === (dialect.expands === 'bare' ? 'bare' : 'env') && options.env && options.env[ref.name] === undefined && !ref.raw.includes(':-')) {
      problems.push({ line, severity: 'warning', rule: `${dialect.prefix}/unset-variable`, message: `${ref.name} is not set in this environment; ${dialect.prefix === 'claude-code' ? 'Claude Code refuses to load a config with an unset variable that has no :-default' : 'Cursor sends an empty value'}` });
    }
  }
  return problems;
}

/** Claude Code's `.mcp.json`. */
export const lintClaudeCodeConfig = (text: string, options?: LintOptions): LintProblem[] => lintMcpServersConfig(text, { prefix: 'claude-code', expands: 'bare', requiresType: true }, options);

/** Cursor's `mcp.json`. */
export const lintCursorConfig = (text: string, options?: LintOptions): LintProblem[] => lintMcpServersConfig(text, { prefix: 'cursor', expands: 'env', requiresType: false }, options);
