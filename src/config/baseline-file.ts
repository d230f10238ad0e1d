import { BaselineFileSchema, type BaselineEntry } from '../schemas/baseline.ts';
import { BASELINE_PATH, readOptionalFile } from './paths.ts';
import { readYaml, validateYaml } from './yaml-source.ts';

export { BASELINE_PATH } from './paths.ts';

/** Parses the expected-failure baseline; errors name the file, line and field. */
export function parseBaselineFile(text: string, file: string = BASELINE_PATH): BaselineEntry[] {
  return validateYaml(BaselineFileSchema, readYaml(text, file, 'expected-failure baseline'), 'expected-failure baseline').entries;
}

/** Reads `content/baseline.yaml` under `root`; no file means no expected failures. */
export async function loadBaseline(root: string): Promise<BaselineEntry[]> {
  const text = await readOptionalFile(root, BASELINE_PATH);
  return text === undefined ? [] : parseBaselineFile(text);
}
