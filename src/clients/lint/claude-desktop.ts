/**
 * Validator for `claude_desktop_config.json` (mcp-clients.md §4.1). The file only starts stdio
 * servers; a remote gateway goes through the `mcp-remote` shim, configured by its arguments.
 */
import type { LintProblem } from '../types.ts';
import { lintHeader } from './headers.ts';
import { isObject, parseJsonDoc } from './json.ts';

/** Validates the text of a Claude Desktop config. */
export function lintClaudeDesktopConfig(text: string): LintProblem[] {
  const doc = parseJsonDoc(text, 'claude-desktop', false);
  if (Array.isArray(doc)) return doc;
  const problems: LintProblem[] = [];
  const add = (path: Array<string | number>, severity: LintProblem['severity'], rule: string, message: string) => problems.push({ line: doc.lineOf(path), severity, rule: `claude-desktop/${rule}`, message });
  const root = isObject(doc.value) ? doc.value : {};
  if (!isObject(root.mcpServers)) {
    add([], 'error', 'servers', 'no "mcpServers" object; Claude Desktop sees no MCP server');
    return problems;
  }
  for (const [name, server] of Object.entries(root.mcpServers)) {
    if (!isObject(server)) continue;
    for (const key of ['url', 'type', 'headers']) {
      if (key in server) add(['mcpServers', name, key], 'error', 'remote-entry', `mcpServers.${name}.${key}: Claude Desktop only starts stdio servers and silently ignores "${key}"; run the gateway through "mcp-remote" (command "npx", args ["-y", "mcp-remote", "<url>", …])`);
    }
    if (typeof server.command !== 'string') add(['mcpServers', name], 'error', 'command', `mcpServers.${name}: needs "command"`);
    const args = Array.isArray(server.args) ? server.args.map(String) : [];
    const env = isObject(server.env) ? server.env : {};
    if (args.some((arg) => /(^|\/)mcp-remote(@[^/]*)?$/.test(arg))) problems.push(...lintMcpRemoteArgs(name, args, env, (i) => doc.lineOf(['mcpServers', name, 'args', i])));
    for (const [key, value] of Object.entries(env)) {
      if (typeof value === 'string' && /<[A-Za-z_][A-Za-z0-9_]*>/.test(value)) add(['mcpServers', name, 'env', key], 'warning', 'placeholder', `env.${key} still holds a placeholder; paste your key over it (Claude Desktop has no env-var syntax in this file)`);
    }
  }
  return problems.sort((a, b) => a.line - b.line);
}

function lintMcpRemoteArgs(name: string, args: string[], env: Record<string, unknown>, lineOf: (index: number) => number): LintProblem[] {
  const problems: LintProblem[] = [];
  const url = args.find((arg) => /^https?:\/\//.test(arg));
  if (url === undefined) problems.push({ line: lineOf(0), severity: 'error', rule: 'claude-desktop/mcp-remote-url', message: `mcpServers.${name}: mcp-remote needs the gateway URL as an argument` });
  if (url?.startsWith('http://') && !args.includes('--allow-http')) {
    problems.push({ line: lineOf(args.indexOf(url)), severity: 'error', rule: 'claude-desktop/allow-http', message: 'mcp-remote refuses a plain http:// URL unless "--allow-http" is given' });
  }
  args.forEach((arg, index) => {
    if (args[index - 1] !== '--header') return;
    const colon = arg.indexOf(':');
    if (colon < 1) return problems.push({ line: lineOf(index), severity: 'error', rule: 'claude-desktop/header', message: `--header "${arg}" must be "Name:value"` });
    if (arg[colon + 1] === ' ') problems.push({ line: lineOf(index), severity: 'warning', rule: 'claude-desktop/header-space', message: `--header "${arg}": on Windows Claude Desktop does not quote arguments with spaces; write "${arg.slice(0, colon)}:\${VAR}" and put the whole value in env` });
    const headerName = arg.slice(0, colon);
    const value = arg.slice(colon + 1).trim().replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, ref: string) => (typeof env[ref] === 'string' ? (env[ref] as string) : whole));
    for (const ref of arg.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g)) {
      if (!(ref[1]! in env)) problems.push({ line: lineOf(index), severity: 'error', rule: 'claude-desktop/undefined-variable', message: `${ref[0]} is not defined in "env"; Claude Desktop does not pass your shell's environment to the server` });
    }
    problems.push(...lintHeader(headerName, value, lineOf(index), 'claude-desktop').filter((p) => !p.rule.endsWith('literal-secret')));
  });
  return problems;
}
