import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_ARTIFACT_BYTES } from '../ingest/decode.ts';
import { importArtifact } from '../ingest/import-artifact.ts';
import type { ImportedArtifact } from '../schemas/imported-artifact.ts';
import { EvidencePathError, readInside, readOptionalInside } from './inside-evaluation.ts';
import { redactText, type SecretValue } from './redact.ts';

// Apart from scan.ts, which the built site imports to read runs: the import parsers (src/ingest/, some twenty
// modules) are needed only by the imports loader and the CLI scan, not by any page.

/** A meta file larger than this is not a few lines of YAML; it is refused unread. */
export const MAX_MANIFEST_BYTES = 64 * 1024;

/** The bytes of an import and its mtime, or why it is not read (a link out of evaluation/, a folder, too big). */
export async function readImportBytes(evaluationDir: string, rel: string): Promise<{ bytes: Buffer; modifiedAt: string } | { unreadable: string; size: number; modifiedAt: string }> {
  try {
    const { bytes, stats } = await readInside(evaluationDir, rel, { what: 'import', maxBytes: MAX_ARTIFACT_BYTES });
    return { bytes, modifiedAt: stats.mtime.toISOString() };
  } catch (error) {
    if (!(error instanceof EvidencePathError)) throw error;
    // The link itself is described, never what it points to.
    const own = await lstat(path.join(evaluationDir, rel)).catch(() => undefined);
    const size = error.problem === 'too-large' ? Number(/is (\d+) bytes/.exec(error.message)?.[1] ?? own?.size ?? 0) : 0;
    return { unreadable: `${path.basename(rel)} ${error.issues[0]?.message ?? error.message}`, size, modifiedAt: (own?.mtime ?? new Date(0)).toISOString() };
  }
}

/** The text of an import's `<file>.meta.yaml`, undefined when there is none, or why it is not read. */
export async function readManifestText(evaluationDir: string, rel: string): Promise<{ text?: string } | { unreadable: string }> {
  try {
    const text = await readOptionalInside(evaluationDir, `${rel}.meta.yaml`, { what: 'import meta file', maxBytes: MAX_MANIFEST_BYTES });
    return text === undefined ? {} : { text };
  } catch (error) {
    if (!(error instanceof EvidencePathError)) throw error;
    return { unreadable: `${path.basename(rel)}.meta.yaml ${error.issues[0]?.message ?? error.message}` };
  }
}

/** Reads one import and its optional sidecar, redacts and parses it. Never throws for bad content or a bad path. */
export async function readImport(evaluationDir: string, rel: string, secrets: readonly SecretValue[]): Promise<ImportedArtifact> {
  const [file, manifest] = await Promise.all([readImportBytes(evaluationDir, rel), readManifestText(evaluationDir, rel)]);
  const unreadable = 'unreadable' in file ? file.unreadable : 'unreadable' in manifest ? manifest.unreadable : undefined;
  return importArtifact({
    file: rel,
    bytes: 'bytes' in file ? file.bytes : new Uint8Array(0),
    ...('size' in file ? { size: file.size } : {}),
    ...('text' in manifest && manifest.text !== undefined ? { manifestText: manifest.text } : {}),
    ...(unreadable ? { unreadable } : {}),
    modifiedAt: file.modifiedAt,
    redact: (text) => redactText(text, secrets),
  });
}
