import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { OutstandingFileSchema, type OutstandingItem } from '../schemas/outstanding.ts';
import { OUTSTANDING_PATH } from './paths.ts';
import { readYaml, validateYaml } from './yaml-source.ts';

/** Parses the outstanding items; errors name the file, line and field. */
export function parseOutstandingFile(text: string, file: string = OUTSTANDING_PATH): OutstandingItem[] {
  return validateYaml(OutstandingFileSchema, readYaml(text, file, 'outstanding items'), 'outstanding items').items;
}

/** Reads `content/outstanding.yaml` under `root`; no file means no outstanding items. */
export async function loadOutstanding(root: string): Promise<OutstandingItem[]> {
  const text = await readFile(path.join(root, OUTSTANDING_PATH), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  return text === undefined ? [] : parseOutstandingFile(text);
}
