import { OutstandingFileSchema, type OutstandingItem } from '../schemas/outstanding.ts';
import { OUTSTANDING_PATH, readOptionalFile } from './paths.ts';
import { readYaml, validateYaml } from './yaml-source.ts';

/** Parses the outstanding items; errors name the file, line and field. */
export function parseOutstandingFile(text: string, file: string = OUTSTANDING_PATH): OutstandingItem[] {
  return validateYaml(OutstandingFileSchema, readYaml(text, file, 'outstanding items'), 'outstanding items').items;
}

/** Reads `content/outstanding.yaml` under `root`; no file means no outstanding items. */
export async function loadOutstanding(root: string): Promise<OutstandingItem[]> {
  const text = await readOptionalFile(root, OUTSTANDING_PATH);
  return text === undefined ? [] : parseOutstandingFile(text);
}
