import * as fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { makeRun } from '../../tests/support/evidence-fixtures.ts';
import { writeFileAtomic, writeRun, type StoreFs } from './store.ts';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'proofbook-store-'));
});
afterEach(() => fs.rm(dir, { recursive: true, force: true }));

const run = (runId: string, summary = 'ok') => makeRun({ runId, records: [{ checkId: 'health.liveliness', summary }] });

test('a run lands as run.json + raw/, redacted once more on the way', async () => {
  const out = await writeRun(dir, run('20261124T153000Z-ci-0001', 'key sk-secret-value-1'), [{ name: 'health.liveliness.txt', content: 'Bearer sk-secret-value-1' }], { secrets: [{ name: 'K', value: 'sk-secret-value-1' }] });
  expect(out).toBe(path.join(dir, 'runs/20261124T153000Z-ci-0001'));
  expect(JSON.parse(await fs.readFile(path.join(out, 'run.json'), 'utf8')).records[0].summary).toBe('key [redacted:K]');
  expect(await fs.readFile(path.join(out, 'raw/health.liveliness.txt'), 'utf8')).toBe('Bearer [redacted:K]');
});

test('a full disk is a clear error naming the path, and stored runs are untouched', async () => {
  await writeRun(dir, run('20261124T153000Z-ci-0001'), []);
  const before = await fs.readFile(path.join(dir, 'runs/20261124T153000Z-ci-0001/run.json'), 'utf8');
  const fullDisk: StoreFs = {
    ...fs,
    writeFile: (async (file: Parameters<typeof fs.writeFile>[0]) => {
      if (String(file).endsWith('run.json')) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    }) as typeof fs.writeFile,
  };
  await expect(writeRun(dir, run('20261124T153500Z-ci-0002'), [{ name: 'a.txt', content: 'x' }], { fs: fullDisk })).rejects.toThrowError(
    `Could not write ${path.join(dir, 'runs/20261124T153500Z-ci-0002/run.json')}: the disk is full (ENOSPC). Free some space (old runs can be compacted) and run the probes again. Runs already stored were not touched; this run was not saved.`,
  );
  expect(await fs.readdir(path.join(dir, 'runs'))).toEqual(['20261124T153000Z-ci-0001']);
  expect(await fs.readFile(path.join(dir, 'runs/20261124T153000Z-ci-0001/run.json'), 'utf8')).toBe(before);
});

test('a run id that already exists is never overwritten', async () => {
  await writeRun(dir, run('20261124T153000Z-ci-0001', 'first'), []);
  await expect(writeRun(dir, run('20261124T153000Z-ci-0001', 'second'), [])).rejects.toThrow(/Could not write .*20261124T153000Z-ci-0001/);
  expect(await fs.readFile(path.join(dir, 'runs/20261124T153000Z-ci-0001/run.json'), 'utf8')).toContain('"first"');
  expect((await fs.readdir(path.join(dir, 'runs'))).filter((n) => n.startsWith('.tmp-'))).toEqual([]);
});

test('an invalid run is refused before anything is written', async () => {
  await expect(writeRun(dir, { ...run('20261124T153000Z-ci-0001'), origin: 'Bad Origin' }, [])).rejects.toThrow(/origin: Expected an origin id/);
  expect(await fs.readdir(path.join(dir)).catch(() => [])).toEqual([]);
});

/**
 * The real file system, recording each fsync and rename (temp names normalised to `<tmp>`); `failSync` makes the
 * fsync of matching paths fail with EIO, as a failing disk does.
 */
function recordingFs(events: string[], failSync: (relative: string) => boolean = () => false): StoreFs {
  const rel = (file: unknown) => path.relative(dir, String(file)).replace(/\.tmp-[^/]+|\.[^/]+\.tmp$/g, '<tmp>') || '.';
  return {
    ...fs,
    open: (async (file: Parameters<typeof fs.open>[0], flags?: string) => {
      const handle = await fs.open(file, flags);
      return {
        sync: async () => {
          if (failSync(rel(file))) throw Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' });
          events.push(`sync ${rel(file)}`);
          await handle.sync();
        },
        close: () => handle.close(),
      };
    }) as unknown as typeof fs.open,
    rename: (async (from: string, to: string) => {
      events.push(`rename ${rel(from)} -> ${rel(to)}`);
      await fs.rename(from, to);
    }) as typeof fs.rename,
  };
}

test('every file of a run is flushed to disk before the rename publishes it, and the runs directory after', async () => {
  const events: string[] = [];
  await writeRun(dir, run('20261124T153000Z-ci-0001'), [{ name: 'a.txt', content: 'x' }], { fs: recordingFs(events) });
  const renamed = events.indexOf('rename runs/<tmp> -> runs/20261124T153000Z-ci-0001');
  expect(renamed).toBeGreaterThan(0);
  expect(events.slice(0, renamed).sort()).toEqual(['sync runs/<tmp>', 'sync runs/<tmp>/raw', 'sync runs/<tmp>/raw/a.txt', 'sync runs/<tmp>/run.json', 'sync runs/<tmp>/summary.json']);
  expect(events.slice(renamed + 1)).toEqual(['sync runs']);
});

test('a failing fsync is a clear error naming the run, nothing is published, and stored runs are untouched', async () => {
  await writeRun(dir, run('20261124T153000Z-ci-0001'), []);
  const before = await fs.readFile(path.join(dir, 'runs/20261124T153000Z-ci-0001/run.json'), 'utf8');
  const events: string[] = [];
  const failing = recordingFs(events, (file) => file.endsWith('run.json'));
  await expect(writeRun(dir, run('20261124T153500Z-ci-0002'), [], { fs: failing })).rejects.toThrowError(
    `Could not write ${path.join(dir, 'runs/20261124T153500Z-ci-0002')}: EIO: i/o error, fsync. Runs already stored were not touched; this run was not saved.`,
  );
  expect(events.filter((event) => event.startsWith('rename'))).toEqual([]);
  expect(await fs.readdir(path.join(dir, 'runs'))).toEqual(['20261124T153000Z-ci-0001']);
  expect(await fs.readFile(path.join(dir, 'runs/20261124T153000Z-ci-0001/run.json'), 'utf8')).toBe(before);
});

test('writeFileAtomic flushes the new bytes before they replace the old file; a failing fsync keeps the old file', async () => {
  const file = path.join(dir, 'history/2026-11-24.json');
  await writeFileAtomic(file, 'old');
  const events: string[] = [];
  await writeFileAtomic(file, 'new', recordingFs(events));
  expect(events).toEqual(['sync history/<tmp>', 'rename history/<tmp> -> history/2026-11-24.json', 'sync history']);
  await expect(writeFileAtomic(file, 'newer', recordingFs([], (name) => name === 'history/<tmp>'))).rejects.toThrow(/Could not write .*2026-11-24\.json: EIO/);
  expect(await fs.readFile(file, 'utf8')).toBe('new');
  expect(await fs.readdir(path.dirname(file))).toEqual(['2026-11-24.json']);
});
