/**
 * Validator for an Open WebUI `TOOL_SERVER_CONNECTIONS` value (mcp-clients.md §2). The MCP entry
 * shape is inferred from Open WebUI's backend, not documented; these rules follow that code.
 */
import type { LintProblem } from '../types.ts';
import { lintHeader } from './headers.ts';
import { isObject, parseJsonDoc } from './json.ts';

const AUTH_TYPES = new Set(['none', 'bearer', 'session', 'system_oauth', 'oauth_2.1', 'oauth_2.1_static']);

/** Validates the JSON array given to `TOOL_SERVER_CONNECTIONS`. */
export function lintOpenWebuiConnections(text: string): LintProblem[] {
  const doc = parseJsonDoc(text, 'open-webui', false);
  if (Array.isArray(doc)) return doc;
  const problems: LintProblem[] = [];
  const add = (path: Array<string | number>, severity: LintProblem['severity'], rule: string, message: string) => problems.push({ line: doc.lineOf(path), severity, rule: `open-webui/${rule}`, message });
  if (!Array.isArray(doc.value)) {
    add([], 'error', 'array', 'TOOL_SERVER_CONNECTIONS must be a JSON array of connections');
    return problems;
  }
  doc.value.forEach((entry, i) => {
    if (!isObject(entry)) return add([i], 'error', 'entry', `[${i}] must be an object`);
    if (entry.type !== 'mcp') add([i, 'type'], 'error', 'type', `[${i}].type must be "mcp" for an MCP server (Type "MCP (Streamable HTTP)" in the UI); without it Open WebUI treats the URL as an OpenAPI server`);
    if (typeof entry.url !== 'string' || !/^https?:\/\//.test(entry.url)) add([i, 'url'], 'error', 'url', `[${i}].url must be the gateway's MCP URL`);
    if (typeof entry.auth_type !== 'string' || !AUTH_TYPES.has(entry.auth_type)) add([i, 'auth_type'], 'error', 'auth-type', `[${i}].auth_type must be one of ${[...AUTH_TYPES].join(', ')}; use "bearer"`);
    if (entry.auth_type === 'bearer' && (typeof entry.key !== 'string' || entry.key.trim() === '')) {
      add([i, 'key'], 'error', 'empty-key', `[${i}].key is empty: Open WebUI then sends "Authorization: Bearer" with nothing after it`);
    }
    if (typeof entry.key === 'string' && /<[A-Za-z_][A-Za-z0-9_]*>/.test(entry.key)) add([i, 'key'], 'warning', 'placeholder', `[${i}].key still holds a placeholder; paste your key over it`);
    if (entry.headers !== undefined && !isObject(entry.headers)) add([i, 'headers'], 'error', 'headers', `[${i}].headers must be a JSON object of "Name": "value"`);
    if (isObject(entry.headers)) {
      for (const [name, value] of Object.entries(entry.headers)) {
        if (name.toLowerCase() === 'authorization') add([i, 'headers', name], 'warning', 'auth-override', `[${i}].headers.Authorization replaces the header built from auth_type/key`);
        problems.push(...lintHeader(name, value, doc.lineOf([i, 'headers', name]), 'open-webui'));
      }
    }
    if (!isObject(entry.info) || typeof entry.info.id !== 'string') add([i], 'warning', 'info-id', `[${i}].info.id is missing; Open WebUI uses it as the tool prefix`);
  });
  return problems.sort((a, b) => a.line - b.line);
}
