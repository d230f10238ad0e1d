import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'astro/zod';
import { formatPath, ProofbookInputError, type LocatedIssue } from '../schemas/parse.ts';
import { toJsBounded, yamlSizeProblem } from '../util/yaml-bounded.ts';
import { issueText, knownKeysAt, unknownKeyText } from './issue-text.ts';

/** A parsed YAML file that can say on which line any path of its data is written. */
export interface YamlSource {
  file: string;
  data: unknown;
  /** 1-based line of the deepest existing node on `path` (the key's line for a map entry). */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

/** Character offset where `path` is written: the key of a map entry, the start of a sequence item. */
function offsetOf(doc: Document, path: readonly PropertyKey[]): number | undefined {
  if (path.length === 0) return doc.contents?.range?.[0];
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  const last = path[path.length - 1];
  if (isMap(parent)) {
    const pair = parent.items.find((item) => String(isScalar(item.key) ? item.key.value : item.key) === String(last));
    return (pair?.key as { range?: [number, number, number] } | undefined)?.range?.[0];
  }
  if (isSeq(parent) && typeof last === 'number') return (parent.items[last] as { range?: [number, number, number] } | undefined)?.range?.[0];
  return undefined;
}

/** Parses YAML text; a syntax error becomes a ProofbookInputError pointing at its line. */
export function readYaml(text: string, file: string, what: string): YamlSource {
  const tooDeep = yamlSizeProblem(text);
  if (tooDeep) throw new ProofbookInputError(file, what, [{ path: '', line: tooDeep.line, message: tooDeep.message }]);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    const issues = doc.errors.map((error) => ({ path: '', line: lineCounter.linePos(error.pos[0]).line, message: error.message.split('\n')[0] ?? error.message }));
    throw new ProofbookInputError(file, what, issues, 'fix the YAML syntax at that line');
  }
  const expanded = toJsBounded(doc, lineCounter);
  if ('message' in expanded) throw new ProofbookInputError(file, what, [{ path: '', ...(expanded.line ? { line: expanded.line } : {}), message: expanded.message }]);
  return {
    file,
    data: expanded.data,
    lineOf(path) {
      for (let n = path.length; n >= 0; n--) {
        const offset = offsetOf(doc, path.slice(0, n));
        if (offset !== undefined) return lineCounter.linePos(offset).line;
      }
      return undefined;
    },
  };
}

/**
 * Validates a YAML file's data like `parseOrThrow`, but points unknown keys at their own line and path
 * (`checks[2].timout`) instead of at the object that holds them, so a typo is found where it was typed.
 */
export function validateYaml<S extends z.ZodType>(schema: S, source: YamlSource, what: string, hint?: string): z.output<S> {
  const result = schema.safeParse(source.data);
  if (result.success) return result.data;
  const issues: LocatedIssue[] = result.error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeysAt(schema, source.data, issue.path);
      return issue.keys.map((key) => {
        const path = [...issue.path, key];
        return { path: formatPath(path), line: source.lineOf(path), message: unknownKeyText(key, known) };
      });
    }
    return [{ path: formatPath(issue.path), line: source.lineOf(issue.path), message: issueText(issue, source.data) }];
  });
  throw new ProofbookInputError(source.file, what, issues, hint);
}
