import { open } from 'node:fs/promises';
import path from 'node:path';

// TODO(issue 7): move into src/evidence (the only code meant to read evaluation/) once the ingest stage
// exports an artifact reader there; until then this reads only, confined to the evaluation directory.

/** The evaluation directory the loaders read (`PROOFBOOK_EVALUATION_DIR` overrides it, as for the loaders). */
export function evaluationDir(): string {
  return path.resolve(process.env.PROOFBOOK_EVALUATION_DIR ?? path.join(process.cwd(), 'evaluation'));
}

/** The first `maxBytes` of an already redacted artifact, or why it cannot be shown. */
export async function readArtifactPreview(relativePath: string, maxBytes: number): Promise<{ text: string; truncated: boolean } | { missing: string }> {
  const root = evaluationDir();
  const file = path.resolve(root, relativePath);
  if (!file.startsWith(root + path.sep)) return { missing: `path leaves evaluation/: ${relativePath}` };
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    return { missing: `not found (${(error as NodeJS.ErrnoException).code ?? 'error'}); compacted or not copied with the run` };
  }
  try {
    const buffer = Buffer.alloc(maxBytes + 1);
    const { bytesRead } = await handle.read(buffer, 0, maxBytes + 1, 0);
    return { text: buffer.subarray(0, Math.min(bytesRead, maxBytes)).toString('utf8'), truncated: bytesRead > maxBytes };
  } finally {
    await handle.close();
  }
}

/** Expressive Code language for an artifact, from its media type or file extension. */
export function languageOf(relativePath: string, mediaType?: string): string {
  if (mediaType?.includes('json') || /\.jsonl?$/.test(relativePath)) return 'json';
  if (/\.(http|curl)$/.test(relativePath)) return 'http';
  if (/\.(ya?ml)$/.test(relativePath)) return 'yaml';
  if (/\.toml$/.test(relativePath)) return 'toml';
  return 'txt';
}
