import { findNodeAtLocation, parseTree, type ParseError } from 'jsonc-parser';
import { ProofbookInputError, parseOrThrow } from '../schemas/parse.ts';

// Evidence files are JSON: every one goes through parseOrThrow with a line map, so a bad file is reported as
// `file:line → field: message`.

/** Maps a zod issue path to a 1-based line in JSON `text`. */
export function jsonLineMap(text: string): (p: readonly PropertyKey[]) => number | undefined {
  // The syntax tree costs ~7 ms per 200-record run, and only a file that fails validation needs it.
  let tree: ReturnType<typeof parseTree> | null = null;
  return (issuePath) => {
    tree ??= parseTree(text, [] as ParseError[]);
    if (!tree) return undefined;
    for (let depth = issuePath.length; depth >= 0; depth--) {
      const node = findNodeAtLocation(tree, issuePath.slice(0, depth) as (string | number)[]);
      if (node) return text.slice(0, node.offset).split('\n').length;
    }
    return undefined;
  };
}

/** Parses a JSON evidence file's text with `schema`; throws ProofbookInputError naming file, line and field. */
export function parseJsonFile<T>(schema: Parameters<typeof parseOrThrow>[0], text: string, file: string, what: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ProofbookInputError(file, what, [{ path: '', message: `not valid JSON: ${(error as Error).message}` }], 'the file may be truncated; re-run the probe or delete it');
  }
  return parseOrThrow(schema, value, { file, what, lineOf: jsonLineMap(text) }) as T;
}
