import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, expect, test } from 'vitest';
import { useTempEvaluation } from '../../tests/support/evidence-fixtures.ts';
import { readArtifactPreview } from './artifact-preview.ts';

let root: string;
let evaluationDir: string;
useTempEvaluation((temp) => ({ root, evaluationDir } = temp));
beforeEach(async () => {
  await mkdir(path.join(evaluationDir, 'runs/r1/raw'), { recursive: true });
});

test('a short artifact comes back whole, a long one cut at the byte limit and marked', async () => {
  await writeFile(path.join(evaluationDir, 'runs/r1/raw/short.json'), '{"ok":true}');
  await writeFile(path.join(evaluationDir, 'runs/r1/raw/long.txt'), 'x'.repeat(5000));
  expect(readArtifactPreview(evaluationDir, 'runs/r1/raw/short.json', 100)).toEqual({ text: '{"ok":true}', truncated: false });
  expect(readArtifactPreview(evaluationDir, 'runs/r1/raw/long.txt', 100)).toEqual({ text: 'x'.repeat(100), truncated: true });
  // Exactly at the limit is not truncated.
  expect(readArtifactPreview(evaluationDir, 'runs/r1/raw/long.txt', 5000)).toEqual({ text: 'x'.repeat(5000), truncated: false });
});

test('a missing file and a path that leaves evaluation/ are reported, not thrown', async () => {
  await writeFile(path.join(root, 'outside.txt'), 'not evidence');
  expect(readArtifactPreview(evaluationDir, 'runs/r1/raw/gone.txt', 100)).toEqual({ missing: expect.stringMatching(/^not found \(ENOENT\)/) });
  expect(readArtifactPreview(evaluationDir, '../outside.txt', 100)).toEqual({ missing: 'path leaves evaluation/: ../outside.txt' });
  expect(readArtifactPreview(evaluationDir, '/etc/hostname', 100)).toEqual({ missing: 'path leaves evaluation/: /etc/hostname' });
});
