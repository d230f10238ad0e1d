import { open } from 'node:fs/promises';
import path from 'node:path';
import { readRun, resolveEvaluationDir } from '../../evidence/scan.ts';
import type { EvalRun } from '../../schemas/eval-run.ts';

// TODO(issue 7): move into src/evidence (the only code meant to read evaluation/) when that module exports
// an artifact reader; until then this only reads, confined to the directory src/evidence resolves.

/** The evaluation directory the loaders read (the build runs from the project root). */
export function evaluationDir(): string {
  return resolveEvaluationDir(process.cwd());
}

/** One run, validated. */
export function readEvidenceRun(runId: string): Promise<EvalRun> {
  return readRun(evaluationDir(), `runs/${runId}/run.json`);
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
