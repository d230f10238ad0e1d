/**
 * Errors in the team's content files found while `astro dev` runs. A failed first sync would stop the dev server,
 * and a failed later one only reaches the terminal; kept here instead, every page that reads the status model
 * throws them, so they show in the browser's error overlay until the file is fixed. The loaders run in Node's own
 * module graph and the pages in Vite's, so the errors live on `globalThis`, which both share.
 */
const KEY = Symbol.for('proofbook.content-errors');

function errors(): Map<string, string> {
  const holder = globalThis as { [KEY]?: Map<string, string> };
  holder[KEY] ??= new Map();
  return holder[KEY];
}

/** Records the error of a collection's last sync (replacing an earlier one). */
export function reportContentError(collection: string, message: string): void {
  errors().set(collection, message);
}

/** Forgets a collection's error once it syncs cleanly. */
export function clearContentError(collection: string): void {
  errors().delete(collection);
}

/** Throws the recorded errors, if any, as one error that names every bad file. */
export function throwContentErrors(): void {
  const messages = [...errors().values()];
  if (messages.length) throw new Error(messages.join('\n\n'));
}
