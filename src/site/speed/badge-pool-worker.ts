// Worker thread of the badge pool fill (fillBadgePool in src/site/speed/badge-writer.ts): fills the pool with
// synchronous calls, posts how many files it created, exits.
import { closeSync, linkSync, mkdirSync, openSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { CANNOT_MOVE, type PoolWork } from './badge-writer.ts';

const { pool, oldStore, count, previousBadges } = workerData as PoolWork;

/** Every file below `dir` (none when it does not exist). */
function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

// First, so that no previous badge still shares its file with a stored copy when it is rewritten.
rmSync(oldStore, { recursive: true, force: true });
mkdirSync(pool, { recursive: true });
const present = new Set(readdirSync(pool));
const missing = Array.from({ length: count }, (_, i) => String(i)).filter((name) => !present.has(name));
const previous = previousBadges === undefined ? [] : listFiles(previousBadges);
let created = 0;
for (const [i, name] of missing.entries()) {
  const file = path.join(pool, name);
  const from = previous[i];
  if (from !== undefined) {
    try {
      linkSync(from, file);
      continue;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      // Filled by a concurrent build.
      if (code === 'EEXIST') continue;
      // Gone already (the build emptied its output first), or no link possible there: create one.
      if (code !== 'ENOENT' && !CANNOT_MOVE.includes(code)) throw error;
    }
  }
  // 'a' creates the file when it is missing and never truncates one a concurrent build is filling.
  closeSync(openSync(file, 'a'));
  created++;
}
parentPort!.postMessage(created);
