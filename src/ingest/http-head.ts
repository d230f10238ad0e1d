/** A response head as `curl -i` prints it (or `curl -v` after stripping `< `). */
export interface HttpHead {
  httpVersion: string;
  status: number;
  reason: string;
  /** Lowercased header names; repeated headers joined with `, `. */
  headers: Record<string, string>;
  /** 0-based index of the status line and of the first body line in the input lines. */
  startIndex: number;
  bodyIndex: number;
}

const statusLine = /^HTTP\/(\d(?:\.\d)?) (\d{3})(?: (.*))?$/;

/** Finds the last response head starting at or after `from` (skipping 1xx and redirects followed with -L). */
export function parseHttpHead(lines: string[], from = 0): HttpHead | undefined {
  let head: HttpHead | undefined;
  let i = from;
  while (i < lines.length) {
    const match = statusLine.exec(lines[i]);
    if (!match) {
      if (head) break;
      i++;
      continue;
    }
    const headers: Record<string, string> = {};
    let j = i + 1;
    for (; j < lines.length && lines[j] !== ''; j++) {
      const colon = lines[j].indexOf(':');
      if (colon <= 0) break;
      const name = lines[j].slice(0, colon).trim().toLowerCase();
      const value = lines[j].slice(colon + 1).trim();
      headers[name] = headers[name] ? `${headers[name]}, ${value}` : value;
    }
    head = { httpVersion: match[1], status: Number(match[2]), reason: match[3] ?? '', headers, startIndex: i, bodyIndex: Math.min(j + 1, lines.length) };
    const next = lines[head.bodyIndex];
    // `curl -i -L` prints every head in the chain; the last one owns the body.
    if (next !== undefined && statusLine.test(next)) i = head.bodyIndex;
    else break;
  }
  return head;
}
