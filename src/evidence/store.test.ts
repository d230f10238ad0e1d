import * as fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { makeRun } from '../../tests/support/evidence-fixtures.ts';
import { writeRun, type StoreFs } from './store.ts';

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
