import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { link, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { estimateBadgeCount, fillBadgePool, writeBadgeFiles } from './badge-writer.ts';

// Real directories: the output folder and Astro's cache dir on the same file system, and (where the machine has
// one) a cache dir on a tmpfs, from which files cannot be moved into the output.

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
const pool = () => path.join(cacheDir, 'proofbook-badge-pool');
const inodes = async (dir: string) => new Set(await Promise.all((await readdir(dir)).map(async (name) => (await stat(path.join(dir, name))).ino)));
const BADGES = ['group/mcp.json', 'group/mcp.svg', 'mcp.initialize.json', 'mcp.initialize.svg', 'mcp.tools-list.json', 'mcp.tools-list.svg'];

describe('badge pool', () => {
  test('estimates two files per check and per group from the catalog, without parsing it', async () => {
    const checks = path.join(root, 'checks');
    await mkdir(checks);
    await writeFile(path.join(checks, 'mcp.yaml'), 'checks:\n  - id: mcp.a\n    kind: mcp\n  - id: mcp.b\n    group: tools\n  -   id: mcp.c\n');
    await writeFile(path.join(checks, 'health.yml'), '# a comment with id: in it\nchecks:\n  - id: health.live\n  - id: health.ready\n');
    await writeFile(path.join(checks, 'README.md'), '- id: not-a-check\n');
    expect(await estimateBadgeCount(checks)).toBe(2 * (5 + 3)); // groups mcp, health, tools
    expect(await estimateBadgeCount(path.join(root, 'missing'))).toBe(0);
  });

  test('is filled with empty files up to the count, and refilling creates only what is missing', async () => {
    expect(await fillBadgePool(cacheDir, 4)).toBe(4);
    await writeFile(path.join(pool(), '2'), 'left by a build that stopped');
    expect(await fillBadgePool(cacheDir, 5)).toBe(1);
    expect((await readdir(pool())).sort()).toEqual(['0', '1', '2', '3', '4']);
    expect(await readFile(path.join(pool(), '2'), 'utf8')).toBe('left by a build that stopped');
  });
});

describe('badge pool from a previous build', () => {
  test('links the previous badge files instead of creating new ones, leaving the previous output whole', async () => {
    await writeStatus(outDir, 'pass');
    await writeBadgeFiles(outDir);
    const previousSvg = await readFile(path.join(outDir, 'badges/mcp.tools-list.svg'), 'utf8');
    const previous = new Set([...(await inodes(path.join(outDir, 'badges'))), ...(await inodes(path.join(outDir, 'badges/group')))]);
    expect(await fillBadgePool(cacheDir, 8, path.join(outDir, 'badges'))).toBe(2);
    expect([...(await inodes(pool()))].filter((ino) => previous.has(ino))).toHaveLength(6);
    // A build that fails before emptying its output leaves it as it was.
    expect(await readFile(path.join(outDir, 'badges/mcp.tools-list.svg'), 'utf8')).toBe(previousSvg);

    // The build empties its output, then takes the linked files.
    await rm(outDir, { recursive: true });
    await mkdir(outDir);
    await writeStatus(outDir, 'fail');
    await writeBadgeFiles(outDir, cacheDir);
    const written = await Promise.all(BADGES.map(async (file) => (await stat(path.join(outDir, 'badges', file))).ino));
    expect(written.filter((ino) => previous.has(ino))).toHaveLength(6);
    expect(await readFile(path.join(outDir, 'badges/mcp.tools-list.svg'), 'utf8')).toMatch(/failing/);
  });

  test('a pool file still linked from an output that was not emptied is never written', async () => {
    await writeStatus(outDir, 'pass');
    await writeBadgeFiles(outDir);
    await writeFile(path.join(outDir, 'badges/mcp.removed-check.svg'), '<svg>removed check, passing</svg>');
    await fillBadgePool(cacheDir, 7, path.join(outDir, 'badges'));
    await writeStatus(outDir, 'fail');
    await writeBadgeFiles(outDir, cacheDir);
    expect(await readFile(path.join(outDir, 'badges/mcp.removed-check.svg'), 'utf8')).toBe('<svg>removed check, passing</svg>');
    expect(await readFile(path.join(outDir, 'badges/mcp.tools-list.svg'), 'utf8')).toMatch(/failing/);
    expect(await readFile(path.join(outDir, 'badges/mcp.initialize.svg'), 'utf8')).toMatch(/passing/);
  });

  test('removes the content-addressed store of earlier versions, so the linked files become the pool’s alone', async () => {
    const oldStore = path.join(cacheDir, 'proofbook-badges');
    await mkdir(oldStore, { recursive: true });
    await mkdir(path.join(outDir, 'badges'));
    await writeFile(path.join(oldStore, 'abc.svg'), '<svg>passing</svg>');
    await link(path.join(oldStore, 'abc.svg'), path.join(outDir, 'badges/mcp.tools-list.svg'));
    await fillBadgePool(cacheDir, 1, path.join(outDir, 'badges'));
    expect(existsSync(oldStore)).toBe(false);
    await rm(path.join(outDir, 'badges'), { recursive: true });
    expect((await stat(path.join(pool(), '0'))).nlink).toBe(1);
  });

  test('a missing previous output means every file is created', async () => {
    expect(await fillBadgePool(cacheDir, 3, path.join(outDir, 'badges'))).toBe(3);
  });
});

describe('badge files', () => {
  test('take their files from the pool: moved into place, then written', async () => {
    await fillBadgePool(cacheDir, 8);
    await writeFile(path.join(pool(), '0'), 'stale content longer than any badge '.repeat(50));
    const pooled = await inodes(pool());
    await writeStatus(outDir, 'pass');
    expect(await writeBadgeFiles(outDir, cacheDir)).toBe(6);
    const written = await Promise.all(BADGES.map(async (file) => ({ file, ino: (await stat(path.join(outDir, 'badges', file))).ino, text: await readFile(path.join(outDir, 'badges', file), 'utf8') })));
    expect(written.every(({ ino }) => pooled.has(ino))).toBe(true);
    expect(written.find((b) => b.file === 'mcp.tools-list.svg')?.text).toMatch(/^<svg[\s\S]*mcp\.tools-list[\s\S]*passing[\s\S]*<\/svg>$/);
    expect(JSON.parse(written.find((b) => b.file === 'group/mcp.json')!.text)).toMatchObject({ schemaVersion: 1, label: 'mcp', message: 'passing' });
    expect(written.some(({ text }) => text.includes('stale content'))).toBe(false);
    expect(await readdir(pool())).toHaveLength(2);
  });

  test('a pool smaller than the badges, or none, leaves the rest created in place', async () => {
    await fillBadgePool(cacheDir, 2);
    await writeStatus(outDir, 'fail');
    await writeBadgeFiles(outDir, cacheDir);
    expect(await readdir(pool())).toEqual([]);
    expect(await readFile(path.join(outDir, 'badges/mcp.tools-list.svg'), 'utf8')).toMatch(/failing/);
    // The next build finds the pool empty.
    await rm(path.join(outDir, 'badges'), { recursive: true });
    await writeBadgeFiles(outDir, cacheDir);
    expect((await readdir(path.join(outDir, 'badges'), { recursive: true })).filter((name) => name.includes('.')).sort()).toEqual(BADGES);
  });

  test('an output that was not emptied gets the new badges', async () => {
    await writeStatus(outDir, 'pass');
    await writeBadgeFiles(outDir, cacheDir);
    await fillBadgePool(cacheDir, 6);
    await writeStatus(outDir, 'stale');
    await writeBadgeFiles(outDir, cacheDir);
    expect(await readFile(path.join(outDir, 'badges/mcp.tools-list.svg'), 'utf8')).toMatch(/stale/);
    expect(await readFile(path.join(outDir, 'badges/mcp.initialize.svg'), 'utf8')).toMatch(/passing/);
  });

  test.skipIf(!existsSync('/dev/shm'))('a pool on another file system is left alone and the badges are written', async () => {
    const shmCache = await mkdtemp('/dev/shm/proofbook-badge-cache-');
    try {
      expect((await stat(shmCache)).dev).not.toBe((await stat(outDir)).dev);
      await fillBadgePool(shmCache, 6);
      await writeStatus(outDir, 'stale');
      expect(await writeBadgeFiles(outDir, shmCache)).toBe(6);
      expect(await readFile(path.join(outDir, 'badges/mcp.tools-list.svg'), 'utf8')).toMatch(/stale/);
      expect(await readdir(path.join(shmCache, 'proofbook-badge-pool'))).toHaveLength(6);
    } finally {
      await rm(shmCache, { recursive: true, force: true });
    }
  });

  test('without a cache dir the badges are written', async () => {
    await writeStatus(outDir, 'pass');
    expect(await writeBadgeFiles(outDir)).toBe(6);
    expect((await readdir(path.join(outDir, 'badges'))).sort()).toEqual(['group', 'mcp.initialize.json', 'mcp.initialize.svg', 'mcp.tools-list.json', 'mcp.tools-list.svg']);
  });

  test('a catalog of 1,000 checks is written by a process allowed 128 open files', async () => {
    const checks = Array.from({ length: 1000 }, (_, i) => ({ id: `bulk.c${i}`, state: 'pass' }));
    await writeFile(path.join(outDir, 'status.json'), JSON.stringify({ groups: [{ id: 'bulk', state: 'pass', checks }] }));
    const script = `import { writeBadgeFiles } from ${JSON.stringify(new URL('./badge-writer.ts', import.meta.url).href)};\nconsole.log(await writeBadgeFiles(process.env.OUT_DIR));`;
    const env = { ...process.env, OUT_DIR: outDir };
    const run = spawnSync('bash', ['-c', 'ulimit -n 128 && exec "$0" --input-type=module -e "$1"', process.execPath, script], { encoding: 'utf8', env, timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('2002');
    expect(await readdir(path.join(outDir, 'badges'))).toHaveLength(2001); // 2,000 check files and group/
  });
});
