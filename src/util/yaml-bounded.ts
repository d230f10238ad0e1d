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

/**
 * The longest content or meta file read: a catalog of hundreds of checks is ~100 KB, and the YAML parser takes
 * more than 1 s per MB on large documents (measured 1.7 s for 2.3 MB), so much larger input is refused unparsed.
 */
export const MAX_YAML_CHARS = 256 * 1024;

/** Why `text` is not parsed as YAML at all (too long, or nested too deep), with the line, or undefined. */
export function yamlSizeProblem(text: string, max = MAX_YAML_CHARS): { message: string; line: number } | undefined {
  if (text.length > max) return { message: `is ${text.length} characters long, over the ${max}-character limit for a config file`, line: 1 };
  return yamlNestingProblem(text);
}

/** How deep a content or meta file may nest: hand-written config needs a handful of levels. */
export const MAX_YAML_DEPTH = 64;

/**
 * The first line nested deeper than `max` levels, found by a linear scan before the YAML parser sees the text: the
 * parser takes seconds per MB of deep nesting (`[[[[…`, `{a: {a: …`, `- - - …`), well over the 1 s per MB any
 * reader may take (issue 25 item 14). Flow brackets inside quotes and comments are not counted; block depth is
 * estimated from the indentation and the `- ` markers that open a line.
 */
export function yamlNestingProblem(text: string, max = MAX_YAML_DEPTH): { message: string; line: number } | undefined {
  let flow = 0;
  let line = 1;
  let quote: string | undefined;
  let atLineStart = true;
  let indent = 0;
  let dashes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      atLineStart = true;
      indent = 0;
      dashes = 0;
      if (quote === "'" || quote === '"') continue; // a quoted scalar may span lines
      continue;
    }
    if (atLineStart) {
      if (c === ' ') {
        indent++;
        continue;
      }
      if (c === '-' && (text[i + 1] === ' ' || text[i + 1] === '\n')) {
        dashes++;
        indent++;
        continue;
      }
      atLineStart = false;
      if (indent / 2 + dashes > max) return { message: `nested more than ${max} levels deep (by indentation); config files need a few`, line };
    }
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf('\n', i);
      i = (end < 0 ? text.length : end) - 1;
    } else if (c === '[' || c === '{') {
      if (++flow > max) return { message: `nested more than ${max} levels deep (brackets); config files need a few`, line };
    } else if ((c === ']' || c === '}') && flow > 0) flow--;
  }
  return undefined;
}
