import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { EvidencePathError, resolveInsideSync } from './inside-evaluation.ts';

/** The start of a raw artifact, or why it cannot be shown. */
export type ArtifactPreview = { text: string; truncated: boolean } | { missing: string };

/** Why an artifact cannot be shown, from the reason it may not be read. */
function missingReason(relativePath: string, error: EvidencePathError): string {
  if (error.problem === 'outside') return `links outside evaluation/ (never followed): ${relativePath}`;
  if (error.problem === 'not-a-file') return 'not a file';
  return `not found (${/\((E[A-Z]+)\)/.exec(error.message)?.[1] ?? 'error'}); compacted or not copied with the run`;
}

/**
 * The first `maxBytes` of an artifact a run lists (`raw/…` relative to `evaluationDir`; stored redacted).
 * Reads at most `maxBytes + 1` bytes whatever the file's size. A path or a link that leaves `evaluationDir`
 * (checked on the real path: src/evidence/inside-evaluation.ts), or a file that is gone (compacted, or not copied
 * with the run), is reported, never thrown. Synchronous, for the evidence pages (why: src/site/routes/evidence/read-artifact.ts).
 */
export function readArtifactPreview(evaluationDir: string, relativePath: string, maxBytes: number): ArtifactPreview {
  const root = path.resolve(evaluationDir);
  if (!path.resolve(root, relativePath).startsWith(root + path.sep)) return { missing: `path leaves evaluation/: ${relativePath}` };
  let fd: number;
  try {
    fd = openSync(resolveInsideSync(evaluationDir, relativePath, 'raw artifact'), constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    if (error instanceof EvidencePathError) return { missing: missingReason(relativePath, error) };
    const code = (error as NodeJS.ErrnoException).code;
    return { missing: code === 'ELOOP' ? `links outside evaluation/ (never followed): ${relativePath}` : `not found (${code ?? 'error'}); compacted or not copied with the run` };
  }
  try {
    if (!fstatSync(fd).isFile()) return { missing: 'not a file' };
    const buffer = Buffer.alloc(maxBytes + 1);
    const bytesRead = readSync(fd, buffer, 0, maxBytes + 1, 0);
    return { text: buffer.subarray(0, Math.min(bytesRead, maxBytes)).toString('utf8'), truncated: bytesRead > maxBytes };
  } finally {
    closeSync(fd);
  }
}
