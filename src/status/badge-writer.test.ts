import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { writeBadgeFiles } from './badge-writer.ts';

// Real directories: the output folder and Astro's cache dir on the same file system, and (where the machine has
// one) a cache dir on a tmpfs, where hard links into the output cannot be made.

let root: string;
let outDir: string;
let cacheDir: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'proofbook-badges-'));
  outDir = path.join(root, 'dist');
  cacheDir = path.join(root, 'cache');
  await mkdir(outDir);
});
afterEach(() => rm(root, { recursive: true, force: true }));

const status = (toolsList: string) => ({ groups: [{ id: 'mcp', state: toolsList, checks: [{ id: 'mcp.tools-list', state: toolsList }, { id: 'mcp.initialize', state: 'pass' }] }] });
const writeStatus = (dir: string, toolsList: string) => writeFile(path.join(dir, 'status.json'), JSON.stringify(status(toolsList)));
const inode = async (file: string) => (await stat(file)).ino;

describe('badge files', () => {
  test('each badge is a hard link to its one stored copy; a rebuild links unchanged badges again and stores only what changed', async () => {
    await writeStatus(outDir, 'pass');
    expect(await writeBadgeFiles(outDir, cacheDir)).toBe(6);
    const svg = path.join(outDir, 'badges/mcp.tools-list.svg');
    expect(await readFile(svg, 'utf8')).toMatch(/mcp\.tools-list.*passing/s);
    expect((await stat(svg)).nlink).toBe(2);
    const stored = await readdir(path.join(cacheDir, 'proofbook-badges'));
    expect(stored).toHaveLength(6);
    const initializeInode = await inode(path.join(outDir, 'badges/mcp.initialize.svg'));

    // The next build empties its output first; mcp.tools-list (and so its group) now fails.
    await rm(outDir, { recursive: true });
    await mkdir(outDir);
    await writeStatus(outDir, 'fail');
    await writeBadgeFiles(outDir, cacheDir);
    expect(await readFile(svg, 'utf8')).toMatch(/mcp\.tools-list.*failing/s);
    expect(JSON.parse(await readFile(path.join(outDir, 'badges/group/mcp.json'), 'utf8'))).toMatchObject({ label: 'mcp', message: 'failing' });
    expect(await inode(path.join(outDir, 'badges/mcp.initialize.svg'))).toBe(initializeInode);
    const restored = await readdir(path.join(cacheDir, 'proofbook-badges'));
    expect(restored).toHaveLength(6); // the 4 passing copies no build uses any more are gone
    expect(restored.filter((name) => stored.includes(name))).toHaveLength(2);
  });

  test('an output that was not emptied gets the new badges without writing into the stored copies', async () => {
    await writeStatus(outDir, 'pass');
    await writeBadgeFiles(outDir, cacheDir);
    const passing = await readFile(path.join(outDir, 'badges/mcp.tools-list.svg'), 'utf8');
    const keep = path.join(root, 'keep');
    await mkdir(keep);
    // Another output still linking the passing copy.
    await writeStatus(keep, 'pass');
    await writeBadgeFiles(keep, cacheDir);
    await writeStatus(outDir, 'fail');
    await writeBadgeFiles(outDir, cacheDir);
    expect(await readFile(path.join(outDir, 'badges/mcp.tools-list.svg'), 'utf8')).toMatch(/failing/);
    expect(await readFile(path.join(keep, 'badges/mcp.tools-list.svg'), 'utf8')).toBe(passing);
  });

  test.skipIf(!existsSync('/dev/shm'))('where no link can be made, the badges are written', async () => {
    const shmCache = await mkdtemp('/dev/shm/proofbook-badge-cache-');
    try {
      expect((await stat(shmCache)).dev).not.toBe((await stat(outDir)).dev);
      await writeStatus(outDir, 'stale');
      expect(await writeBadgeFiles(outDir, shmCache)).toBe(6);
      const svg = path.join(outDir, 'badges/mcp.tools-list.svg');
      expect(await readFile(svg, 'utf8')).toMatch(/stale/);
      expect((await stat(svg)).nlink).toBe(1);
    } finally {
      await rm(shmCache, { recursive: true, force: true });
    }
  });

  test('without a cache dir the badges are written', async () => {
    await writeStatus(outDir, 'pass');
    expect(await writeBadgeFiles(outDir)).toBe(6);
    expect((await readdir(path.join(outDir, 'badges'))).sort()).toEqual(['group', 'mcp.initialize.json', 'mcp.initialize.svg', 'mcp.tools-list.json', 'mcp.tools-list.svg']);
  });
});
