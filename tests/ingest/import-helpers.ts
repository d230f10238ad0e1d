// Imports a text the way `npm run ingest` does (meta file → parse → judged by the project's own checks), for tests.
import path from 'node:path';
import { loadProjectConfig } from '../../src/config/load.ts';
import { singleFile } from '../../src/ingest/captured-text.ts';
import { importArtifact } from '../../src/ingest/import-artifact.ts';
import type { ParseOutcome } from '../../src/ingest/reading.ts';
import type { EvidenceRecord } from '../../src/schemas/evidence.ts';
import type { ArtifactKind, ImportedArtifact } from '../../src/schemas/imported-artifact.ts';

/** The check catalog of content/checks/, as every stage reads it. */
export const { checks: catalog } = await loadProjectConfig(path.resolve(import.meta.dirname, '../..'));

/** A single imported file with a meta file naming its kind and checks. */
export function importText(kind: Exclude<ArtifactKind, 'unknown'>, text: string, checks: string[] = [], file = `imports/sample.${kind}`): ImportedArtifact {
  const manifestText = `kind: ${kind}\norigin: sandbox\ncapturedAt: '2025-09-18T07:50:03Z'\n${checks.length ? `checks: [${checks.join(', ')}]\n` : ''}`;
  return importArtifact({ file, bytes: Buffer.from(text), manifestText, modifiedAt: '2026-01-01T00:00:00Z', checks: catalog });
}

/** The one record a text gives for its check (filed by content when `checkId` is left out); throws when unparseable. */
export function recordOf(kind: Exclude<ArtifactKind, 'unknown'>, text: string, checkId?: string): EvidenceRecord {
  const artifact = importText(kind, text, checkId ? [checkId] : []);
  if (artifact.unparseable) throw new Error(`unparseable: ${artifact.unparseable.reason}`);
  const record = artifact.records[0];
  if (!record) throw new Error('no record');
  return record;
}

/** A parser run on one saved file. */
export function parseFile(parser: (capture: ReturnType<typeof singleFile>) => ParseOutcome, text: string): ParseOutcome {
  return parser(singleFile(text));
}
