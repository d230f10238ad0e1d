import { open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { importArtifact } from '../ingest/import-artifact.ts';
import { CAPTURE_FILE, importCapture, streamFilesOf } from '../ingest/import-capture.ts';
import { MAX_ARTIFACT_BYTES } from '../ingest/decode.ts';
import type { Check } from '../schemas/check.ts';
import type { ImportedArtifact } from '../schemas/imported-artifact.ts';
import { redactText, type SecretValue } from './redact.ts';
import { readOptionalText } from './optional-file.ts';

// Apart from scan.ts, which the built site imports to read runs: the import parsers (src/ingest/, some twenty
// modules) are needed only by the imports loader and the CLI scan, not by any page.

/** A file's bytes, at most one past the import limit (the parser refuses it with its size); undefined when missing. */
async function readBounded(file: string): Promise<Uint8Array | undefined> {
  const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'EISDIR') return undefined;
    throw error;
  });
  if (!handle) return undefined;
  try {
    const buffer = Buffer.alloc(Math.min((await handle.stat()).size, MAX_ARTIFACT_BYTES + 1));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Reads a capture folder: its capture.yaml and only the stream files it names (a name never leaves the folder: CaptureSchema). */
async function readCaptureFolder(full: string, rel: string, modifiedAt: string, redact: (text: string) => string, checks: readonly Check[]): Promise<ImportedArtifact> {
  const captureText = await readFile(path.join(full, CAPTURE_FILE), 'utf8');
  const names = streamFilesOf(captureText);
  const files = Object.fromEntries(await Promise.all(names.map(async (name) => [name, await readBounded(path.join(full, name))] as const)));
  return importCapture({ dir: rel, captureText, files, modifiedAt, redact, checks });
}

/**
 * Reads one import, redacts and parses it, and has each record judged by its check: a single file with its optional
 * `<file>.meta.yaml`, or a capture folder (capture.yaml + its streams). Never throws for bad content.
 */
export async function readImport(evaluationDir: string, rel: string, secrets: readonly SecretValue[], checks: readonly Check[]): Promise<ImportedArtifact> {
  const full = path.join(evaluationDir, rel);
  const info = await stat(full);
  const redact = (text: string) => redactText(text, secrets);
  if (info.isDirectory()) return readCaptureFolder(full, rel, info.mtime.toISOString(), redact, checks);
  const [bytes, manifestText] = await Promise.all([readFile(full), readOptionalText(`${full}.meta.yaml`)]);
  return importArtifact({ file: rel, bytes, manifestText, modifiedAt: info.mtime.toISOString(), redact, checks });
}
