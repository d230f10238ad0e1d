import { closeSync, openSync, readSync } from 'node:fs';
import path from 'node:path';

/** The start of a raw artifact, or why it cannot be shown. */
export type ArtifactPreview = { text: string; truncated: boolean } | { missing: string };

/**
 * The first `maxBytes` of an artifact a run lists (`raw/…` relative to `evaluationDir`; stored redacted).
 * Reads at most `maxBytes + 1` bytes whatever the file's size. A path that leaves `evaluationDir`, or a file
 * that is gone (compacted, or not copied with the run), is reported, never thrown.
 * Synchronous, for the evidence pages (why: src/site/routes/evidence/read-artifact.ts).
 */
export function readArtifactPreview(evaluationDir: string, relativePath: string, maxBytes: number): ArtifactPreview {
  const root = path.resolve(evaluationDir);
  const file = path.resolve(root, relativePath);
  if (!file.startsWith(root + path.sep)) return { missing: `path leaves evaluation/: ${relativePath}` };
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    return { missing: `not found (${(error as NodeJS.ErrnoException).code ?? 'error'}); compacted or not copied with the run` };
  }
  try {
    const buffer = Buffer.alloc(maxBytes + 1);
    const bytesRead = readSync(fd, buffer, 0, maxBytes + 1, 0);
    return { text: buffer.subarray(0, Math.min(bytesRead, maxBytes)).toString('utf8'), truncated: bytesRead > maxBytes };
  } finally {
    closeSync(fd);
  }
}
