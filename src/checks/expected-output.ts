/**
 * Expected output of a runbook block, cram-style (anchors-2.md §4.1): each expected line must equal an output
 * line, except that a line `...` stands for any number of lines (none included) and a line ending in ` (re)` is
 * a regular expression the whole output line must match. Trailing spaces and a final newline do not count.
 */

/** One expected line, compiled. */
export type ExpectedLine = { kind: 'any' } | { kind: 'text'; text: string } | { kind: 're'; source: string; re: RegExp };

/** Thrown for an expected line that is not a valid regular expression; names the line (1-based within the block). */
export class ExpectedOutputError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(`expected output line ${line}: ${message}`);
    this.name = 'ExpectedOutputError';
    this.line = line;
  }
}

const RE_SUFFIX = ' (re)';

function lines(text: string): string[] {
  const all = text.replace(/\r\n/g, '\n').replace(/\n+$/, '').split('\n').map((line) => line.replace(/\s+$/, ''));
  return all.length === 1 && all[0] === '' ? [] : all;
}

/** Compiles an expected-output block; throws ExpectedOutputError on a bad `(re)` line. */
export function compileExpected(expected: string): ExpectedLine[] {
  return lines(expected).map((line, i) => {
    if (line === '...') return { kind: 'any' };
    if (!line.endsWith(RE_SUFFIX)) return { kind: 'text', text: line };
    const source = line.slice(0, -RE_SUFFIX.length);
    try {
      return { kind: 're', source, re: new RegExp(`^(?:${source})$`) };
    } catch (error) {
      throw new ExpectedOutputError(i + 1, `${(error as Error).message}`);
    }
  });
}

function matchesLine(expected: ExpectedLine, actual: string): boolean {
  if (expected.kind === 'text') return expected.text === actual;
  if (expected.kind === 're') return expected.re.test(actual);
  return true;
}

/** Where a comparison stopped: the first expected line no path through the output could reach past. */
export interface OutputMismatch {
  /** 1-based expected line. */
  expectedLine: number;
  expected: string;
  /** The output line it was compared with, or undefined when the output had ended. */
  actual?: string;
  /** 1-based output line. */
  actualLine: number;
}

/** Compares output with compiled expectations; undefined when it matches, else where it went wrong. */
export function matchExpected(expected: readonly ExpectedLine[], output: string): OutputMismatch | undefined {
  const actual = lines(output);
  // Depth-first search over (expected index, output index) with an explicit stack (long outputs must not
  // overflow the call stack); `...` may take zero or more lines.
  const width = actual.length + 1;
  const seen = new Set<number>();
  let furthest = { e: 0, a: 0 };
  const stack: [number, number][] = [[0, 0]];
  let matched = false;
  while (stack.length > 0 && !matched) {
    const [e, a] = stack.pop()!;
    const key = e * width + a;
    if (seen.has(key)) continue;
    seen.add(key);
    if (e > furthest.e || (e === furthest.e && a > furthest.a)) furthest = { e, a };
    const line = expected[e];
    if (line === undefined) matched = a === actual.length;
    else if (line.kind === 'any') {
      if (a < actual.length) stack.push([e, a + 1]);
      stack.push([e + 1, a]);
    } else if (a < actual.length && matchesLine(line, actual[a]!)) stack.push([e + 1, a + 1]);
  }
  if (matched) return undefined;
  const line = expected[furthest.e];
  const shown = line === undefined ? '(end of expected output)' : line.kind === 'any' ? '...' : line.kind === 're' ? `${line.source}${RE_SUFFIX}` : line.text;
  return { expectedLine: furthest.e + 1, expected: shown, actual: actual[furthest.a], actualLine: furthest.a + 1 };
}
