import { readFileSync, type Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';

/** A folder's entry names; a folder that does not exist has none. */
export async function listDir(dir: string): Promise<string[]> {
  return readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
}

/** undefined for a file that does not exist; any other error is thrown again. */
function undefinedWhenMissing(error: NodeJS.ErrnoException): undefined {
  if (error.code === 'ENOENT') return undefined;
  throw error;
}

/** A UTF-8 file's text, or undefined when it does not exist (any other error is thrown). */
export async function readOptionalText(file: string): Promise<string | undefined> {
  return readFile(file, 'utf8').catch(undefinedWhenMissing);
}

/** readOptionalText without a promise: for small files read on a path where the promise API's overhead dominates. */
export function readOptionalTextSync(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    return undefinedWhenMissing(error as NodeJS.ErrnoException);
  }
}

/** A folder's entries (names and types, links not followed); a folder that does not exist has none. */
export async function listDirEntries(dir: string): Promise<Dirent[]> {
  return readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return [];
    throw error;
  });
}
