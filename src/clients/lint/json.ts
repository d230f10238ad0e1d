/** JSON(C) parsing with line numbers, on jsonc-parser (the parser VS Code itself uses). */
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { LintProblem } from '../types.ts';
import { lineAtOffset } from './locate.ts';

/** A parsed document: its value and a way to find the line of any path in it. */
export interface JsonDoc {
  value: unknown;
  lineOf: (path: ReadonlyArray<string | number>) => number;
  /** Every string value with its path and line, for rules about variable references. */
  strings: Array<{ path: Array<string | number>; value: string; line: number }>;
}

/**
 * Parses `text`; `allowComments` is true for JSONC files (VS Code), false for files the client
 * reads with a strict JSON parser (Claude Code, Cursor, Claude Desktop).
 */
export function parseJsonDoc(text: string, rulePrefix: string, allowComments: boolean): JsonDoc | LintProblem[] {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: allowComments, disallowComments: !allowComments });
  if (errors.length > 0 || root === undefined) {
    let found: ParseError[] = errors.length > 0 ? errors : [{ error: 4 /* ValueExpected */, offset: 0, length: 0 }];
    // An unterminated string swallows the rest of its line; what the parser says after it follows from it.
    const unterminated = found.findIndex((error) => printParseErrorCode(error.error) === 'UnexpectedEndOfString');
    if (unterminated >= 0) found = found.slice(0, unterminated + 1);
    return found.map((error) => ({
      line: lineAtOffset(text, error.offset),
      severity: 'error' as const,
      rule: `${rulePrefix}/json-syntax`,
      message:
        printParseErrorCode(error.error) === 'UnexpectedEndOfString'
          ? 'JSON syntax error: unterminated string (a closing " is missing on this line)'
          : `JSON syntax error: ${printParseErrorCode(error.error)}${allowComments ? '' : ' (this client reads strict JSON: no comments, no trailing commas)'}`,
    }));
  }
  const lineOf = (path: ReadonlyArray<string | number>): number => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = findNodeAtLocation(root, path.slice(0, depth) as Array<string | number>);
      if (node) return lineAtOffset(text, node.parent?.type === 'property' ? node.parent.offset : node.offset);
    }
    return 1;
  };
  const strings: JsonDoc['strings'] = [];
  collectStrings(root, [], (path, node) => strings.push({ path, value: String(node.value), line: lineAtOffset(text, node.offset) }));
  return { value: getNodeValue(root), lineOf, strings };
}

function collectStrings(node: Node, path: Array<string | number>, visit: (path: Array<string | number>, node: Node) => void): void {
  if (node.type === 'string') visit(path, node);
  if (node.type === 'object') {
    for (const property of node.children ?? []) {
      const [key, value] = property.children ?? [];
      if (key && value) collectStrings(value, [...path, String(key.value)], visit);
    }
  }
  if (node.type === 'array') (node.children ?? []).forEach((child, index) => collectStrings(child, [...path, index], visit));
}

/** Narrows to a plain object. */
export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The variable references in a string: `${input:x}`, `${env:X}`, bare `${X}` (with optional `:-default`). */
export function findReferences(value: string): Array<{ kind: 'input' | 'env' | 'bare' | 'other'; name: string; raw: string }> {
  return [...value.matchAll(/\$\{([^}]*)\}/g)].map((match) => {
    const inner = match[1] ?? '';
    const prefixed = /^(input|env):(.*)$/.exec(inner);
    if (prefixed) return { kind: prefixed[1] as 'input' | 'env', name: prefixed[2] ?? '', raw: match[0] };
    const bare = /^([A-Za-z_][A-Za-z0-9_]*)(:-.*)?$/.exec(inner);
    return bare ? { kind: 'bare' as const, name: bare[1] ?? '', raw: match[0] } : { kind: 'other' as const, name: inner, raw: match[0] };
  });
}
