import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { importArtifact } from '../ingest/import-artifact.ts';
import type { ImportedArtifact } from '../schemas/imported-artifact.ts';
import { redactText, type SecretValue } from './redact.ts';
import { readOptionalText } from './optional-file.ts';

// Apart from scan.ts, which the built site imports to read runs: the import parsers (src/ingest/, some twenty
// modules) are needed only by the imports loader and the CLI scan, not by any page.

/** Reads one import and its optional sidecar, redacts and parses it. Never throws for bad content. */
export async function readImport(evaluationDir: string, rel: string, secrets: readonly SecretValue[]): Promise<ImportedArtifact> {
  const full = path.join(evaluationDir, rel);
  const [bytes, info, manifestText] = await Promise.all([
    readFile(full),
    stat(full),
    readOptionalText(`${full}.meta.yaml`),
  ]);
  return importArtifact({ file: rel, bytes, manifestText, modifiedAt: info.mtime.toISOString(), redact: (text) => redactText(text, secrets) });
}
