import { isAlias, visit, type Document, type LineCounter } from 'yaml';

/**
 * Aliases a content or meta file may resolve into its data. `yaml` stops a "billion laughs" alias bomb with a
 * ReferenceError (issue 25 items 7-8); this cap is lower than its default, and the error becomes a located problem
 * instead of a stack trace. Hand-written config files use a few aliases at most.
 */
export const MAX_YAML_ALIASES = 50;

/** A parsed document's data, or why it could not be expanded and the line of its first alias. */
export function toJsBounded(doc: Document, lineCounter: LineCounter): { data: unknown } | { message: string; line?: number } {
  try {
    return { data: doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) };
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    let offset: number | undefined;
    visit(doc, {
      Alias(_key, node) {
        if (isAlias(node) && node.range) offset = node.range[0];
        return visit.BREAK;
      },
    });
    return {
      message: `YAML aliases expand too far (${error.message}; at most ${MAX_YAML_ALIASES} alias expansions are allowed); write the values out instead of nesting aliases`,
      ...(offset === undefined ? {} : { line: lineCounter.linePos(offset).line }),
    };
  }
}
