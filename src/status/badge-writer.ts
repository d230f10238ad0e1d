import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { badgeFiles } from './badge-files.ts';
import type { StatusModel } from './model.ts';

/**
 * Badge files are the build's only large batch of new files besides the pages: ~420 for 200 checks. On the
 * development machine (ext4) creating a file costs ~0.55 ms of kernel time, ~0.25 s for the batch, most of it
 * in allocating the inode (filling 420 existing empty files takes 11–26 ms; on a tmpfs the whole batch takes
 * 15–35 ms). The build therefore creates empty files in a pool under Astro's cache dir while the content
 * layer syncs (single-threaded JavaScript that leaves the file system idle), and at the end moves each one
 * to its badge path and writes the content there.
 */
const POOL = 'proofbook-badge-pool';

/** Moving a pool file into the output failed for a reason that rules out the pool: another file system. */
const CANNOT_MOVE = new Set(['EXDEV', 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

/**
 * How many badge files a build of the check catalog in `checksDir` (`content/checks/*.yaml`) will write: two
 * per check (`- id:` items) and per group (file names and `group:` values). Only sizes the pool; it is read
 * with a pattern, not parsed, because it runs before the catalog loader and a wrong count costs nothing but
 * files created at the end or left in the pool for the next build.
 */
export async function estimateBadgeCount(checksDir: string): Promise<number> {
  const names = (await readdir(checksDir).catch(() => [] as string[])).filter((name) => /\.ya?ml$/.test(name));
  const texts = await Promise.all(names.map((name) => readFile(path.join(checksDir, name), 'utf8')));
  const checks = texts.reduce((sum, text) => sum + (text.match(/^\s*-\s+id\s*:/gm)?.length ?? 0), 0);
  const groups = new Set([...names.map((name) => name.replace(/\.ya?ml$/, '')), ...texts.flatMap((text) => [...text.matchAll(/^\s+group\s*:\s*(\S+)/gm)].map((m) => m[1]))]);
  return 2 * (checks + groups.size);
}

/** Creates empty files in the pool under `cacheDir` until it holds `count`; returns how many it created. */
export async function fillBadgePool(cacheDir: string, count: number): Promise<number> {
  const pool = path.join(cacheDir, POOL);
  await mkdir(pool, { recursive: true });
  const present = new Set(await readdir(pool));
  const missing = Array.from({ length: count }, (_, i) => String(i)).filter((name) => !present.has(name));
  // 'a' creates the file when it is missing and never truncates one a concurrent build is filling.
  await Promise.all(missing.map((name) => writeFile(path.join(pool, name), '', { flag: 'a' })));
  return missing.length;
}

/**
 * Writes the badge files for the built status.json under `<outDir>/badges/`; returns how many. With a cache
 * dir, each badge takes a file from the pool (see fillBadgePool) when one is left: the empty file is moved to
 * the badge's path first and written there, so no two builds ever write the same file. Without one, or when
 * the pool is empty or on another file system, the badge is created in place.
 */
export async function writeBadgeFiles(outDir: string, cacheDir?: string): Promise<number> {
  const model = JSON.parse(await readFile(path.join(outDir, 'status.json'), 'utf8')) as Pick<StatusModel, 'groups'>;
  const files = badgeFiles(model);
  await mkdir(path.join(outDir, 'badges/group'), { recursive: true });
  const pool = cacheDir === undefined ? undefined : path.join(cacheDir, POOL);
  const pooled = pool === undefined ? [] : (await readdir(pool).catch(() => [] as string[])).filter((name) => /^\d+$/.test(name));
  let usePool = pool !== undefined;
  await Promise.all(
    files.map(async (file, i) => {
      const target = path.join(outDir, 'badges', file.path);
      const taken = pooled[i];
      if (usePool && taken !== undefined) {
        try {
          await rename(path.join(pool!, taken), target);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code ?? '';
          if (CANNOT_MOVE.has(code)) usePool = false;
          // ENOENT: a concurrent build took this pool file; either way the badge is created below.
          else if (code !== 'ENOENT') throw error;
        }
      }
      await writeFile(target, file.content);
    }),
  );
  return files.length;
}
