/**
 * Validator for VS Code `mcp.json` (mcp-clients.md §3): `servers` + `inputs`, `${input:id}` for the
 * key. VS Code never expands a bare `${VAR}`; `${env:VAR}` in headers is unreliable (#336232).
 */
import type { LintProblem } from '../types.ts';
import { lintHeader } from './headers.ts';
import { findReferences, isObject, parseJsonDoc } from './json.ts';

const TYPES = new Set(['stdio', 'http', 'sse']);

/** Validates the text of a VS Code `mcp.json`. */
export function lintVscodeConfig(text: string): LintProblem[] {
  const doc = parseJsonDoc(text, 'vscode', true);
  if (Array.isArray(doc)) return doc;
  const problems: LintProblem[] = [];
  const add = (path: Array<string | number>, severity: LintProblem['severity'], rule: string, message: string) => problems.push({ line: doc.lineOf(path), severity, rule: `vscode/${rule}`, message });
  const root = isObject(doc.value) ? doc.value : {};
  if (!isObject(root.servers)) {
    const wrong = 'mcpServers' in root ? 'mcpServers' : 'mcp' in root ? 'mcp' : undefined;
    add(wrong ? [wrong] : [], 'error', 'servers', wrong ? `VS Code's mcp.json uses "servers", not "${wrong}"` : 'no "servers" object; VS Code sees no MCP server');
    return problems;
  }
  const inputs = Array.isArray(root.inputs) ? root.inputs : [];
  const inputIds = new Map<string, Record<string, unknown>>();
  inputs.forEach((input, index) => {
    if (!isObject(input) || typeof input.id !== 'string') return add(['inputs', index], 'error', 'input', 'each input needs a string "id"');
    if (input.type !== 'promptString' && input.type !== 'pickString') add(['inputs', index, 'type'], 'error', 'input', `input "${input.id}" needs "type": "promptString"`);
    inputIds.set(input.id, input);
  });
  for (const [name, server] of Object.entries(root.servers)) {
    if (!isObject(server)) continue;
    if (typeof server.type !== 'string' || !TYPES.has(server.type)) add(['servers', name, 'type'], 'error', 'type', `servers.${name}: "type" must be "http", "sse" or "stdio"`);
    if ((server.type === 'http' || server.type === 'sse') && typeof server.url !== 'string') add(['servers', name], 'error', 'url', `servers.${name}: an ${server.type} server needs "url"`);
    if (isObject(server.headers)) {
      for (const [header, value] of Object.entries(server.headers)) {
        problems.push(...lintHeader(header, value, doc.lineOf(['servers', name, 'headers', header]), 'vscode'));
      }
    }
  }
  problems.push(...lintReferences(doc.strings, inputIds));
  return problems.sort((a, b) => a.line - b.line);
}

function lintReferences(strings: Array<{ path: Array<string | number>; value: string; line: number }>, inputs: Map<string, Record<string, unknown>>): LintProblem[] {
  const problems: LintProblem[] = [];
  for (const { path, value, line } of strings) {
    const inHeaders = path[0] === 'servers' && path[2] === 'headers';
    for (const ref of findReferences(value)) {
      if (ref.kind === 'bare') {
        problems.push({ line, severity: 'error', rule: 'vscode/bare-variable', message: `VS Code never expands bare ${ref.raw}; it is sent literally (the gateway answers 401). Use \${input:…} (prompted, kept in secret storage) or \${env:${ref.name}}` });
      } else if (ref.kind === 'input') {
        const input = inputs.get(ref.name);
        if (!input) problems.push({ line, severity: 'error', rule: 'vscode/missing-input', message: `${ref.raw} has no matching entry in "inputs" (add { "type": "promptString", "id": "${ref.name}", "password": true })` });
        else if (inHeaders && input.password !== true) problems.push({ line, severity: 'warning', rule: 'vscode/input-password', message: `input "${ref.name}" carries a secret; set "password": true so it is masked while typed` });
      } else if (ref.kind === 'env' && inHeaders) {
        problems.push({ line, severity: 'warning', rule: 'vscode/env-in-headers', message: `${ref.raw} in headers is not substituted on some VS Code versions (microsoft/vscode#336232); prefer \${input:…}` });
      }
    }
  }
  return problems;
}
