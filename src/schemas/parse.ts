import type { z } from 'astro/zod';

/** Where a value came from, so an error can point at it. */
export interface ParseSource {
  /** Path of the file, relative to the project root, e.g. `content/checks/mcp.yaml`. */
  file: string;
  /** What the file holds, for the first line of the message, e.g. `check definitions`. */
  what: string;
  /** Maps an issue path to a 1-based line in the file, when the format allows it (YAML does). */
  lineOf?: (path: readonly PropertyKey[]) => number | undefined;
}

/** One problem found in an input, already located. */
export interface LocatedIssue {
  /** Dotted path with indices, e.g. `checks[3].timeoutMs`. */
  path: string;
  line?: number;
  message: string;
}

/** A validation error whose message names the file, the line and field, and what was expected. */
export class ProofbookInputError extends Error {
  readonly file: string;
  readonly issues: LocatedIssue[];
  constructor(file: string, what: string, issues: LocatedIssue[], hint?: string) {
    const lines = issues.map((issue) => {
      const where = issue.line === undefined ? file : `${file}:${issue.line}`;
      return `${where} → ${issue.path || '(root)'}: ${issue.message}`;
    });
    super([`Invalid ${what}:`, ...lines, ...(hint ? [`hint: ${hint}`] : [])].join('\n'));
    this.name = 'ProofbookInputError';
    this.file = file;
    this.issues = issues;
  }
}

/** Formats a zod issue path the way authors write it: `results[3].latencyMs`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** Parses `input` with `schema` or throws a {@link ProofbookInputError} that names the file, line and field. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  input: unknown,
  source: ParseSource,
  hint?: string,
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: formatPath(issue.path),
    line: source.lineOf?.(issue.path),
    message: issue.message,
  }));
  throw new ProofbookInputError(source.file, source.what, issues, hint);
}
