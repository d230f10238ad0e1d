import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { StatusJson } from '../schemas/status.ts';
import { badgeFiles } from '../status/badge-files.ts';
import { mapLimit } from '../util/map-limit.ts';

/** Badge files written at once: each write holds a file descriptor until it is done. */
const BADGE_WRITES_IN_FLIGHT = 16;

/**
 * Writes a badge per check and per group under `<outDir>/badges/` from the built status.json, so badges say
 * exactly what /status says; returns how many files. As files rather than prerendered routes: ~400 tiny
 * routes for 200 checks cost ~0.7 s of rendering (`astro dev` serves the same content from routes).
 */
export async function writeBadgeFiles(outDir: string): Promise<number> {
  const model = JSON.parse(await readFile(path.join(outDir, 'status.json'), 'utf8')) as Pick<StatusJson, 'groups' | 'historyRange'>;
  const files = badgeFiles(model);
  await Promise.all(['badges/group', 'badges/history'].map((dir) => mkdir(path.join(outDir, dir), { recursive: true })));
  await mapLimit(files, BADGE_WRITES_IN_FLIGHT, (file) => writeFile(path.join(outDir, 'badges', file.path), file.content));
  return files.length;
}
