/**
 * Just enough of POSIX shell word splitting to read back the commands we generate: quotes,
 * backslash-newline continuations and `$NAME` / `${NAME}` expansion (none inside single quotes).
 * It is how the client profile of a command snippet sees exactly what a shell would pass.
 */

/** Splits the first command of `script` into argv, expanding variables from `env` (unset → ''). */
export function shellWords(script: string, env: Readonly<Record<string, string | undefined>>): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  const expand = (): void => {
    const match = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/.exec(script.slice(i));
    if (!match) {
      word += '$';
      i++;
      return;
    }
    word += env[match[1] ?? match[2] ?? ''] ?? '';
    i += match[0].length;
  };
  while (i < script.length) {
    const ch = script[i]!;
    if (ch === '\\' && script[i + 1] === '\n') {
      i += 2;
    } else if (ch === '\n' || ch === ';' || ch === '#' && !inWord) {
      break;
    } else if (ch === ' ' || ch === '\t') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      i++;
    } else if (ch === "'") {
      const end = script.indexOf("'", i + 1);
      if (end < 0) throw new Error('unterminated single quote');
      word += script.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (ch === '"') {
      inWord = true;
      i++;
      while (i < script.length && script[i] !== '"') {
        if (script[i] === '\\' && /["\\$`]/.test(script[i + 1] ?? '')) {
          word += script[i + 1];
          i += 2;
        } else if (script[i] === '$') expand();
        else word += script[i++];
      }
      if (script[i] !== '"') throw new Error('unterminated double quote');
      i++;
    } else if (ch === '$') {
      inWord = true;
      expand();
    } else {
      word += ch;
      inWord = true;
      i++;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/** Quotes a word for bash/zsh only when it needs it. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
