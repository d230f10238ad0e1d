import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { MaintenanceFileSchema, type MaintenanceWindow } from '../schemas/maintenance.ts';
import { ProofbookInputError } from '../schemas/parse.ts';
import { MAINTENANCE_PATH } from './paths.ts';
import { readYaml, validateYaml } from './yaml-source.ts';

const WHAT = 'maintenance windows';
const HINT = 'one-off: start + duration (or end); recurring: cron + duration + timezone (content/docs/reference/status-page.md)';

/** Parses the maintenance windows; errors name the file, line and field, and a repeated id both places. */
export function parseMaintenanceFile(text: string, file: string = MAINTENANCE_PATH): MaintenanceWindow[] {
  const source = readYaml(text, file, WHAT);
  const { windows } = validateYaml(MaintenanceFileSchema, source, WHAT, HINT);
  const seen = new Map<string, number>();
  windows.forEach((window, index) => {
    const earlier = seen.get(window.id);
    if (earlier !== undefined) {
      throw new ProofbookInputError(file, WHAT, [{ path: `windows[${index}].id`, line: source.lineOf(['windows', index, 'id']), message: `duplicate id "${window.id}", already used by windows[${earlier}]` }]);
    }
    seen.set(window.id, index);
  });
  return windows;
}

/** Reads `content/maintenance.yaml` under `root`; no file means no maintenance windows. */
export async function loadMaintenance(root: string): Promise<MaintenanceWindow[]> {
  const text = await readFile(path.join(root, MAINTENANCE_PATH), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  return text === undefined ? [] : parseMaintenanceFile(text);
}
