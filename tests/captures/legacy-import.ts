// Feeds a capture to today's single-file import (`importArtifact`): one file plus a generated `.meta.yaml`.
// TODO(issue 24 item 3): replace with the capture-folder import once importArtifact accepts capture.yaml.
import { stringify } from 'yaml';
import { importArtifact } from '../../src/ingest/import-artifact.ts';
import type { ImportedArtifact } from '../../src/schemas/imported-artifact.ts';
import type { CorpusEntry } from './read-corpus.ts';

/** Kinds whose parser reads one JSON document: they get the stream that holds it, alone. */
const JSON_KINDS = new Set(['codex-mcp-list-json', 'codex-mcp-get-json', 'codex-doctor-json']);

/**
 * The capture as one file, the way a user saves it for today's import: JSON output alone; any other transcript
 * as stdout, then stderr, then an `exit code: N` line (the convention tests/ingest/fixtures.ts already uses).
 */
export function legacyBytes(entry: CorpusEntry): Buffer {
  if (JSON_KINDS.has(entry.capture.kind)) return entry.stdout.length ? entry.stdout : entry.stderr;
  const parts = [entry.stdout, entry.stderr].filter((b) => b.length);
  const joined = parts.map((b) => (b.at(-1) === 0x0a ? b : Buffer.concat([b, Buffer.from('\n')])));
  const exit = entry.capture.exitCode === null ? `signal: ${entry.capture.signal}` : `exit code: ${entry.capture.exitCode}`;
  return Buffer.concat([...joined, Buffer.from(`${exit}\n`)]);
}

/** Runs today's importArtifact on the capture with a meta file built from capture.yaml. */
export function importLegacy(entry: CorpusEntry): ImportedArtifact {
  const { capture } = entry;
  const manifestText = stringify({ kind: capture.kind, origin: capture.origin, capturedAt: capture.capturedAt, target: capture.target, checks: capture.checks, ...(capture.note ? { note: capture.note } : {}) });
  return importArtifact({ file: `imports/${entry.id.replace('/', '--')}.txt`, bytes: legacyBytes(entry), manifestText, modifiedAt: capture.capturedAt });
}
