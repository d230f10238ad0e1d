import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Text of a real-tool fixture under tests/ingest/fixtures/real/. */
export function real(name: string): string {
  return readFileSync(path.join(here, 'fixtures', 'real', name), 'utf8');
}

/** A transcript as a user would save it: stdout, then stderr, then `exit code: N`. */
export function transcript(name: string): string {
  const parts = [real(name)];
  try {
    parts.push(real(`${name}.stderr`));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  parts.push(`exit code: ${real(`${name}.exit`).trim()}\n`);
  return parts.filter(Boolean).join('\n');
}

/** Path of the repository's evaluation/imports samples. */
export const samplesDir = path.resolve(here, '../../evaluation/imports');
