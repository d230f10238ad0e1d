import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { mapLimit } from '../../util/map-limit.ts';
import { runInWorker } from './run-in-worker.ts';
import { badgeFiles } from '../../status/badge-files.ts';
import type { StatusModel } from '../../status/model.ts';

/**
 * Badge files are the build's only large batch of new files besides the pages: ~420 for 200 checks. On the
 * development machine (ext4) creating a file costs ~0.55 ms of kernel time, ~0.25 s for the batch, most of it
 * in allocating the inode (filling 420 existing empty files takes 11–26 ms; on a tmpfs the whole batch takes
 * 15–35 ms). The build therefore fills a pool under Astro's cache dir from a worker thread while the content
 * layer syncs, with hard links to the previous build's badge files (which emptying the output then leaves to
 * the pool alone) and empty files for the rest, and at the end moves each file no output still links to its
 * badge path and writes the content there.
 */
const POOL = 'proofbook-badge-pool';

/** Where earlier versions kept badges by content hash, hard-linked into the output; removed when the pool fills. */
const OLD_STORE = 'proofbook-badges';

/** Badge files being moved or written at once (libuv's thread pool has four threads). */
const BADGE_WRITES_IN_FLIGHT = 16;

/** Linking or moving a file between the pool and the output failed because the file system rules it out. */
export const CANNOT_MOVE = ['EXDEV', 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK'];

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

/**
 * Fills the pool under `cacheDir` until it holds `count` files; returns how many it had to create. The badge
 * files of the previous build in `previousBadges` (`<outDir>/badges`) are hard-linked in first, so a rebuild
 * creates none. The output itself is left as it is: a build that fails before emptying it leaves it whole.
 *
 * The work runs in a worker thread with synchronous calls (src/site/speed/badge-pool-worker.ts): ~1,300 calls
 * through the promise API would queue in libuv's four-thread pool ahead of every file Vite and Astro read
 * while the build starts (measured: the content layer's start 220–330 ms later; in the worker, 60–75 ms).
 */
export function fillBadgePool(cacheDir: string, count: number, previousBadges?: string): Promise<number> {
  const work: PoolWork = { pool: path.join(cacheDir, POOL), oldStore: path.join(cacheDir, OLD_STORE), count, previousBadges };
  return runInWorker(new URL('./badge-pool-worker.ts', import.meta.url), work, 'filling the badge pool');
}

/** What the pool worker (src/site/speed/badge-pool-worker.ts) is given. */
export interface PoolWork {
  pool: string;
  /** Removed first (see OLD_STORE). */
  oldStore: string;
  count: number;
  previousBadges: string | undefined;
}

/**
 * The pool's files that no other name links to. A file linked from a previous output is used only once the
 * build has emptied that output: writing it would change the old output's badge too.
 */
async function unlinkedPoolFiles(pool: string): Promise<string[]> {
  const names = (await readdir(pool).catch(() => [] as string[])).filter((name) => /^\d+$/.test(name));
  const links = await Promise.all(names.map((name) => stat(path.join(pool, name)).then((info) => info.nlink, () => 0)));
  return names.filter((_, i) => links[i] === 1);
}

/**
 * Writes the badge files for the built status.json under `<outDir>/badges/`; returns how many. With a cache
 * dir, each badge takes a file from the pool (see fillBadgePool) when one is left that nothing else links to:
 * it is moved to the badge's path first and written there, so no two builds ever write the same file.
 * Without one, or when the pool is empty or on another file system, the badge is created in place.
 */
export async function writeBadgeFiles(outDir: string, cacheDir?: string): Promise<number> {
  const model = JSON.parse(await readFile(path.join(outDir, 'status.json'), 'utf8')) as Pick<StatusModel, 'groups'>;
  const files = badgeFiles(model);
  await mkdir(path.join(outDir, 'badges/group'), { recursive: true });
  const pool = cacheDir === undefined ? undefined : path.join(cacheDir, POOL);
  const pooled = pool === undefined ? [] : await unlinkedPoolFiles(pool);
  let usePool = pool !== undefined;
  // A bounded number at a time: each write holds a file descriptor until it is done, and a catalog of a few
  // thousand checks would otherwise open every badge file at once.
  await mapLimit(
    files.map((file, i) => ({ file, taken: pooled[i] })),
    BADGE_WRITES_IN_FLIGHT,
    async ({ file, taken }) => {
      const target = path.join(outDir, 'badges', file.path);
      if (usePool && taken !== undefined) {
        try {
          await rename(path.join(pool!, taken), target);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code ?? '';
          if (CANNOT_MOVE.includes(code)) usePool = false;
          // ENOENT: a concurrent build took this pool file; either way the badge is created below.
          else if (code !== 'ENOENT') throw error;
        }
      }
      await writeFile(target, file.content);
    },
  );
  return files.length;
}
