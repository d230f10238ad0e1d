import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_ARTIFACT_BYTES } from '../ingest/decode.ts';
import { importArtifact } from '../ingest/import-artifact.ts';
import { CAPTURE_FILE, importCapture, streamFilesOf } from '../ingest/import-capture.ts';
import type { Check } from '../schemas/check.ts';
import type { ImportedArtifact } from '../schemas/imported-artifact.ts';
import { EvidencePathError, readInside, readOptionalInside, resolveInside } from './inside-evaluation.ts';
import { redactText, type SecretValue } from './redact.ts';

// Apart from scan.ts, which the built site imports to read runs: the import parsers (src/ingest/, some twenty
// modules) are needed only by the imports loader and the CLI scan, not by any page. Every file is read through
// src/evidence/inside-evaluation.ts: never through a link out of evaluation/, never a folder, never unbounded.

/** A meta file or capture.yaml larger than this is not a few lines of YAML; it is refused unread. */
export const MAX_MANIFEST_BYTES = 64 * 1024;

/** Why a path was not read, in a sentence that names it (the link itself, never what it points to). */
const unreadableReason = (rel: string, error: EvidencePathError) => `${path.basename(rel)} ${error.issues[0]?.message ?? error.message}`;

/** The bytes of an import and its mtime, or why it is not read (a link out of evaluation/, a folder, too big). */
export async function readImportBytes(evaluationDir: string, rel: string): Promise<{ bytes: Buffer; modifiedAt: string } | { unreadable: string; size: number; modifiedAt: string }> {
  try {
    const { bytes, stats } = await readInside(evaluationDir, rel, { what: 'import', maxBytes: MAX_ARTIFACT_BYTES });
    return { bytes, modifiedAt: stats.mtime.toISOString() };
  } catch (error) {
    if (!(error instanceof EvidencePathError)) throw error;
    const own = await lstat(path.join(evaluationDir, rel)).catch(() => undefined);
    const size = error.problem === 'too-large' ? Number(/is (\d+) bytes/.exec(error.message)?.[1] ?? own?.size ?? 0) : 0;
    return { unreadable: unreadableReason(rel, error), size, modifiedAt: (own?.mtime ?? new Date(0)).toISOString() };
  }
}

/** The text of a small YAML file of an import (`<file>.meta.yaml`, capture.yaml), undefined when there is none, or why it is not read. */
export async function readManifestText(evaluationDir: string, rel: string): Promise<{ text?: string } | { unreadable: string }> {
  try {
    const text = await readOptionalInside(evaluationDir, rel, { what: 'import meta file', maxBytes: MAX_MANIFEST_BYTES });
    return text === undefined ? {} : { text };
  } catch (error) {
    if (!(error instanceof EvidencePathError)) throw error;
    return { unreadable: unreadableReason(rel, error) };
  }
}

/** A stream file's bytes, at most one past the import limit (the parser refuses it with its size); undefined when missing. */
async function readStreamFile(evaluationDir: string, rel: string): Promise<Uint8Array | undefined> {
  try {
    return (await readInside(evaluationDir, rel, { what: 'capture stream', maxBytes: MAX_ARTIFACT_BYTES })).bytes;
  } catch (error) {
    if (!(error instanceof EvidencePathError)) throw error;
    if (error.problem === 'missing') return undefined;
    if (error.problem === 'too-large') return new Uint8Array(MAX_ARTIFACT_BYTES + 1);
    throw error;
  }
}

/** Reads a capture folder: its capture.yaml and only the stream files it names (a name never leaves the folder: CaptureSchema). */
async function readCaptureFolder(evaluationDir: string, rel: string, modifiedAt: string, redact: (text: string) => string, checks: readonly Check[]): Promise<ImportedArtifact> {
  const capture = await readManifestText(evaluationDir, `${rel}/${CAPTURE_FILE}`);
  const unreadable = (reason: string) => importArtifact({ file: rel, bytes: new Uint8Array(0), unreadable: reason, modifiedAt, redact, checks });
  if ('unreadable' in capture) return unreadable(`${CAPTURE_FILE}: ${capture.unreadable}`);
  const captureText = capture.text ?? '';
  const names = streamFilesOf(captureText);
  try {
    const files = Object.fromEntries(await Promise.all(names.map(async (name) => [name, await readStreamFile(evaluationDir, `${rel}/${name}`)] as const)));
    return importCapture({ dir: rel, captureText, files, modifiedAt, redact, checks });
  } catch (error) {
    if (!(error instanceof EvidencePathError)) throw error;
    return unreadable(error.message.split('\n').slice(1).join(' ').replace(/^evaluation\//, ''));
  }
}

/**
 * Reads one import, redacts and parses it, and has each record judged by its check: a single file with its optional
 * `<file>.meta.yaml`, or a capture folder (capture.yaml + its streams). Never throws for bad content or a bad path.
 */
export async function readImport(evaluationDir: string, rel: string, secrets: readonly SecretValue[], checks: readonly Check[]): Promise<ImportedArtifact> {
  const redact = (text: string) => redactText(text, secrets);
  let isFolder = false;
  try {
    // The real path: a folder linked in from outside evaluation/ is refused like a file.
    isFolder = (await lstat(await resolveInside(evaluationDir, rel, 'import'))).isDirectory();
  } catch (error) {
    if (!(error instanceof EvidencePathError)) throw error;
    const own = await lstat(path.join(evaluationDir, rel)).catch(() => undefined);
    return importArtifact({ file: rel, bytes: new Uint8Array(0), unreadable: unreadableReason(rel, error), modifiedAt: (own?.mtime ?? new Date(0)).toISOString(), redact, checks });
  }
  if (isFolder) return readCaptureFolder(evaluationDir, rel, (await lstat(path.join(evaluationDir, rel))).mtime.toISOString(), redact, checks);
  const [file, manifest] = await Promise.all([readImportBytes(evaluationDir, rel), readManifestText(evaluationDir, `${rel}.meta.yaml`)]);
  const unreadable = 'unreadable' in file ? file.unreadable : 'unreadable' in manifest ? manifest.unreadable : undefined;
  return importArtifact({
    file: rel,
    bytes: 'bytes' in file ? file.bytes : new Uint8Array(0),
    ...('size' in file ? { size: file.size } : {}),
    ...('text' in manifest && manifest.text !== undefined ? { manifestText: manifest.text } : {}),
    ...(unreadable ? { unreadable } : {}),
    modifiedAt: file.modifiedAt,
    redact,
    checks,
  });
}
