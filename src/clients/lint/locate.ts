/**
 * Line lookup for validators. The parsers we use either give no positions (smol-toml) or give
 * offsets (jsonc-parser); these helpers turn both into 1-based lines.
 */

/** 1-based line of a character offset in `text`. */
export function lineAtOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Splits a TOML key path such as `mcp_servers."my server".url` into its parts. */
export function splitTomlKey(raw: string): string[] {
  const parts: string[] = [];
  const re = /\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*(?:\.|$)/gy;
  let match: RegExpExecArray | null;
  while (re.lastIndex < raw.length && (match = re.exec(raw)) !== null) {
    parts.push(match[1] ?? match[2] ?? match[3] ?? '');
    if (match[0].length === 0) break;
  }
  return parts;
}

/**
 * Maps TOML key paths to the line that defines them, by scanning table headers and `key =` lines.
 * Keys inside an inline table resolve to the line of the table's key, which is what a reader needs.
 */
export function tomlLineIndex(text: string): (path: readonly string[]) => number {
  const entries: Array<{ path: string[]; line: number }> = [];
  let table: string[] = [];
  let inMultiline = false;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    const quotes = (line.match(/"""|'''/g) ?? []).length;
    if (inMultiline) {
      if (quotes % 2 === 1) inMultiline = false;
      return;
    }
    if (quotes % 2 === 1) inMultiline = true;
    const header = /^\[\[?\s*([^\]]+?)\s*\]\]?/.exec(line);
    if (header?.[1] !== undefined) {
      table = splitTomlKey(header[1]);
      entries.push({ path: table, line: index + 1 });
      return;
    }
    const assignment = /^((?:"(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_.\s-])+?)\s*=/.exec(line);
    if (assignment?.[1] !== undefined) entries.push({ path: [...table, ...splitTomlKey(assignment[1])], line: index + 1 });
  });
  return (path) => {
    for (let depth = path.length; depth > 0; depth--) {
      const prefix = path.slice(0, depth);
      const hit = entries.find((entry) => entry.path.length === depth && entry.path.every((part, i) => part === prefix[i]));
      if (hit) return hit.line;
    }
    return 1;
  };
}
