/**
 * Every form a secret value takes in text a gateway or a client writes (issue 25 item 3): as is, JSON-escaped
 * (`\"`, `\u0073`), percent-encoded (any hex case, `+` for a space), as HTML entities (`&#115;`, `&#x73;`,
 * `&amp;`), any mix of those, and base64 / base64url, alone or after a prefix such as Basic auth's `user:`.
 * A listed set of whole encodings would miss a mix or an odd hex case; one pattern per character does not.
 */

const hexDigit = (digit: string): string => (/[a-f]/i.test(digit) ? `[${digit.toLowerCase()}${digit.toUpperCase()}]` : digit);
/** `n` as hex, any case, with at least `width` digits (leading zeros allowed beyond that for HTML). */
const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0').split('').map(hexDigit).join('');
const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

const NAMED_ENTITIES: Record<string, string[]> = { '&': ['amp'], '<': ['lt'], '>': ['gt'], '"': ['quot'], "'": ['apos'] };
const JSON_SHORT: Record<string, string> = { '"': '\\\\"', '\\': '\\\\\\\\', '/': '\\\\/', '\n': '\\\\n', '\r': '\\\\r', '\t': '\\\\t' };

/** The alternatives one character may be written as. */
function charForms(char: string): string {
  const code = char.codePointAt(0)!;
  const forms = [escapeRegex(char)];
  if (JSON_SHORT[char]) forms.push(JSON_SHORT[char]);
  if (code <= 0xffff) forms.push(`\\\\u${hex(code, 4)}`);
  forms.push(Buffer.from(char, 'utf8').toJSON().data.map((byte) => `%${hex(byte, 2)}`).join(''));
  if (char === ' ') forms.push('\\+');
  forms.push(`&#0*${code};?`, `&#[xX]0*${hex(code, 1)};?`);
  for (const name of NAMED_ENTITIES[char] ?? []) forms.push(`&${name};`);
  return forms.length === 1 ? forms[0]! : `(?:${forms.join('|')})`;
}

/** A pattern matching `value` written with any mix of its textual encodings, one character at a time. */
export function textFormsPattern(value: string): string {
  return Array.from(value, charForms).join('');
}

const BASE64_CHARS = { base64: 'A-Za-z0-9+/', base64url: 'A-Za-z0-9_-' } as const;
/** Shorter encoded cores are not searched: 6 characters are 36 bits, so a chance match in a transcript is negligible. */
const MIN_CORE_CHARS = 6;

/**
 * Patterns for `value` inside base64 or base64url text at any offset. Base64 codes 3 bytes as 4 characters, so
 * what the secret's bytes look like depends on how many bytes precede it (modulo 3): for each of the three
 * alignments the characters coded from the secret's bytes alone are fixed (the core), and the up to 3 characters
 * on each side that mix its first and last bytes with their neighbours are taken with it.
 */
export function base64FormsPatterns(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const patterns = new Set<string>();
  for (const [encoding, chars] of Object.entries(BASE64_CHARS) as [keyof typeof BASE64_CHARS, string][]) {
    for (let skip = 0; skip < 3; skip++) {
      const aligned = bytes.subarray(skip, skip + Math.floor((bytes.length - skip) / 3) * 3);
      const core = aligned.toString(encoding).replace(/=+$/, '');
      if (core.length < MIN_CORE_CHARS) continue;
      patterns.add(`[${chars}]{0,3}${escapeRegex(core)}[${chars}]{0,3}={0,2}`);
    }
  }
  return [...patterns];
}

/**
 * Global regexes for every form of `value`, its textual forms first, then the base64 ones. Separate on purpose:
 * each alone scans 1 MB in ~2 ms, one alternation of all of them took 60-200 ms.
 */
export function secretFormsRegexes(value: string): RegExp[] {
  return [textFormsPattern(value), base64FormsPatterns(value).join('|')].filter(Boolean).map((pattern) => new RegExp(pattern, 'g'));
}
