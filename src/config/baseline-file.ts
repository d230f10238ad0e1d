import { z } from 'astro/zod';
import { BaselineEntrySchema, BaselineFileSchema, type BaselineEntry } from '../schemas/baseline.ts';
import { BASELINE_PATH, readOptionalFile } from './paths.ts';
import { readYaml, validateYaml } from './yaml-source.ts';

export { BASELINE_PATH } from './paths.ts';

// Strict like the other readers: a misspelt `tagret:` would otherwise be dropped and the entry match every target.
const StrictBaselineFileSchema = z.strictObject({ ...BaselineFileSchema.shape, entries: z.array(z.strictObject(BaselineEntrySchema.shape)) });

/** Parses the expected-failure baseline; errors name the file, line and field. */
export function parseBaselineFile(text: string, file: string = BASELINE_PATH): BaselineEntry[] {
  return validateYaml(StrictBaselineFileSchema, readYaml(text, file, 'expected-failure baseline'), 'expected-failure baseline', 'every field: content/docs/reference/baseline.md (/reference/baseline/ on the site)').entries;
}

/** Reads `content/baseline.yaml` under `root`; no file means no expected failures. */
export async function loadBaseline(root: string): Promise<BaselineEntry[]> {
  const text = await readOptionalFile(root, BASELINE_PATH);
  return text === undefined ? [] : parseBaselineFile(text);
}
