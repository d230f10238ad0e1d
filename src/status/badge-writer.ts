import { link, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { badgeFiles } from './badge-files.ts';
import type { StatusModel } from './model.ts';

/**
 * Badge files are the build's only large batch of new files besides the pages: ~420 for 200 checks. On the
 * development machine (ext4) creating a file costs ~0.55 ms of kernel time, ~0.25 s for the batch, most of it
 * in allocating the inode (filling 420 existing empty files takes 11–26 ms; on a tmpfs the whole batch takes
 * 15–35 ms). The build therefore fills a pool under Astro's cache dir while the content layer syncs
 * (single-threaded JavaScript that leaves the file system idle), with hard links to the previous build's badge
 * files (which emptying the output then leaves to the pool alone) and empty files for the rest, and at the end
 * moves each file no output still links to its badge path and writes the content there.
 */
const POOL = 'proofbook-badge-pool';

/** Where earlier versions kept badges by content hash, hard-linked into the output; removed when the pool fills. */
const OLD_STORE = 'proofbook-badges';

/** Linking or moving a file between the pool and the output failed because the file system rules it out. */
const CANNOT_MOVE = ['EXDEV', 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK'];

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
 */
export async function fillBadgePool(cacheDir: string, count: number, previousBadges?: string): Promise<number> {
  const pool = path.join(cacheDir, POOL);
  // First, so that no previous badge still shares its file with a stored copy when it is rewritten.
  await rm(path.join(cacheDir, OLD_STORE), { recursive: true, force: true });
  await mkdir(pool, { recursive: true });
  const present = new Set(await readdir(pool));
  const missing = Array.from({ length: count }, (_, i) => String(i)).filter((name) => !present.has(name));
  const previous = previousBadges === undefined ? [] : await listFiles(previousBadges);
  const created = await Promise.all(
    missing.map(async (name, i) => {
      const file = path.join(pool, name);
      if (previous[i] !== undefined) {
        try {
          await link(previous[i], file);
          return 0;
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code ?? '';
          // Filled by a concurrent build.
          if (code === 'EEXIST') return 0;
          // Gone already (the build emptied its output first), or no link possible there: create one.
          if (!['ENOENT', ...CANNOT_MOVE].includes(code)) throw error;
        }
      }
      // 'a' creates the file when it is missing and never truncates one a concurrent build is filling.
      await writeFile(file, '', { flag: 'a' });
      return 1;
    }),
  );
  return created.reduce<number>((sum, n) => sum + n, 0);
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

/** Every file below `dir` (none when it does not exist). */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
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
  await Promise.all(
    files.map(async (file, i) => {
      const target = path.join(outDir, 'badges', file.path);
      const taken = pooled[i];
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
    }),
  );
  return files.length;
}
