/** A `curl -v` transcript reduced to what `curl -i` would have printed, plus the request it shows. */
export interface Unverbosed {
  /** The response head and body lines, `< ` stripped. */
  lines: string[];
  /** 0-based index in the input of each output line. */
  offsets: number[];
  /** The request line, e.g. `POST /mcp/`. */
  request?: { method: string; path: string };
  /** Request headers (names lowercased). */
  requestHeaders: Record<string, string>;
}

/** True when `lines` hold curl's verbose markers (`* `, `< HTTP/`). */
export function isVerbose(lines: readonly string[]): boolean {
  return lines.some((l) => l.startsWith('< HTTP/') || l.startsWith('* '));
}

/** Strips curl's `-v` markup: `> ` request lines are read, `< ` response lines kept, `*`/`{`/`}` notes dropped. */
export function unverbose(lines: readonly string[]): Unverbosed {
  const out: Unverbosed = { lines: [], offsets: [], requestHeaders: {} };
  lines.forEach((line, i) => {
    if (line.startsWith('> ')) {
      const start = /^> ([A-Z]+) (\S+) HTTP/.exec(line);
      if (start && !out.request) out.request = { method: start[1]!, path: start[2]! };
      const header = /^> ([A-Za-z0-9-]+): (.*)$/.exec(line);
      if (header) out.requestHeaders[header[1]!.toLowerCase()] = header[2]!;
      return;
    }
    if (line.startsWith('< ') || line === '<') {
      out.lines.push(line.slice(2));
      out.offsets.push(i);
      return;
    }
    if (/^[*{}]( |$)|^>$/.test(line)) return; // connection notes and `{ [570 bytes data]`
    out.lines.push(line);
    out.offsets.push(i);
  });
  return out;
}
