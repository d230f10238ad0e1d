import type { Unparseable } from './unparseable.ts';

/** Line-oriented logs never have lines this long; a longer one means a binary or mangled capture. */
export const MAX_LINE_CHARS = 256 * 1024;

/** A text split into lines (CRLF or LF), or why it could not be. */
export type Lines = { lines: string[] } | { unparseable: Unparseable };

/** Splits `text` into lines without their terminators, refusing any line over `max` characters. */
export function splitLines(text: string, max = MAX_LINE_CHARS): Lines {
  const lines = text.split(/\r?\n/);
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].length > max) {
      return {
        unparseable: { reason: `line ${i + 1} is ${lines[i].length} characters long (limit ${max}); this is not a line-oriented log`, line: i + 1 },
      };
    }
  }
  return { lines };
}

/** Parses JSON or returns the reason with the line where it broke. */
export function parseJson(text: string): { value: unknown } | { unparseable: Unparseable } {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    const message = (error as Error).message;
    const pos = /position (\d+)/.exec(message);
    const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : undefined;
    const reason = `invalid JSON: ${message.length > 200 ? `${message.slice(0, 200)}…` : message}`;
    return { unparseable: line === undefined ? { reason } : { reason, line } };
  }
}

/** First 1-based line of `text` containing `needle`, for pointing records at their source. */
export function lineOf(text: string, needle: string): number | undefined {
  const at = text.indexOf(needle);
  return at < 0 ? undefined : text.slice(0, at).split('\n').length;
}
