import { z } from 'astro/zod';
import { OutstandingFileSchema, OutstandingItemSchema, type OutstandingItem } from '../schemas/outstanding.ts';
import { OUTSTANDING_PATH, readOptionalFile } from './paths.ts';
import { readYaml, validateYaml } from './yaml-source.ts';

// Strict like the other readers: a misspelt key is an error on its line, not a field silently dropped.
const StrictOutstandingFileSchema = z.strictObject({ ...OutstandingFileSchema.shape, items: z.array(z.strictObject(OutstandingItemSchema.shape)) });

/** Parses the outstanding items; errors name the file, line and field. */
export function parseOutstandingFile(text: string, file: string = OUTSTANDING_PATH): OutstandingItem[] {
  return validateYaml(StrictOutstandingFileSchema, readYaml(text, file, 'outstanding items'), 'outstanding items', 'every field: content/docs/reference/outstanding.md (/reference/outstanding/ on the site)').items;
}

/** Reads `content/outstanding.yaml` under `root`; no file means no outstanding items. */
export async function loadOutstanding(root: string): Promise<OutstandingItem[]> {
  const text = await readOptionalFile(root, OUTSTANDING_PATH);
  return text === undefined ? [] : parseOutstandingFile(text);
}
