import { readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { isAlive } from '../util/leftovers.ts';
import { listDirEntries } from './optional-file.ts';

/** `.<name>.<pid>.<hex>.tmp`: what writeFileAtomic writes before its rename (store.ts). */
const ATOMIC_TEMP = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/**
 * Removes the temp files of atomic writes whose writer is dead (issue 25 item 13: a killed ingest left
 * `.summary.json.*.tmp` files that were never swept): in every run folder and in history/. A temp file of a live
 * writer (another ingest running now) is left alone. Resolves to the files removed, relative to the evaluation dir.
 */
export async function sweepAtomicTemps(evaluationDir: string): Promise<string[]> {
  const runDirs = (await listDirEntries(path.join(evaluationDir, 'runs'))).filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => `runs/${e.name}`);
  const removed: string[] = [];
  for (const dir of ['history', ...runDirs]) {
    const names = await readdir(path.join(evaluationDir, dir)).catch(() => [] as string[]);
    for (const name of names) {
      const pid = Number(ATOMIC_TEMP.exec(name)?.[1] ?? NaN);
      if (!Number.isInteger(pid) || pid === process.pid || isAlive(pid)) continue;
      await unlink(path.join(evaluationDir, dir, name)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
      removed.push(`${dir}/${name}`);
    }
  }
  return removed;
}
