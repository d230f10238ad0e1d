import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { mapLimit } from '../util/map-limit.ts';
import { makeRunId } from '../schemas/eval-run.ts';
import { EvidenceManifestSchema, type ManifestHead } from '../schemas/evidence-manifest.ts';
import { parseOrThrow } from '../schemas/parse.ts';
import type { CompactReport } from './compact.ts';
import { sha256Hex } from './file-digest.ts';
import { historyRelPath } from './history.ts';
import { appendManifest, MANIFESTS_DIR, readHead, type AttestedFile } from './manifest-chain.ts';
import { unattestedFiles } from './verify-evidence.ts';

/**
 * The manifests of the steps that are not runs: an import batch (`npm run ingest`), a compaction, and an
 * operator vouching for files that came without a manifest (`npm run verify-evidence -- --adopt`).
 */

/** How far back an ingest looks for the previous ingest's manifest (steps between two ingests are few). */
const LOOKBACK = 50;

/** A batch id in the run id format: `<UTC time>-<kind>-<hex>`. */
function batchId(kind: string, now: Date): string {
  return makeRunId(kind, now);
}

async function readAll(evaluationDir: string, rels: readonly string[]): Promise<AttestedFile[]> {
  return Promise.all(rels.map(async (rel) => ({ path: rel, content: await readFile(path.join(evaluationDir, rel)) })));
}

/**
 * Hashes files a chunk at a time, a few at once: imports may be of any size (a 3 GB one made readFile throw
 * ERR_FS_FILE_TOO_LARGE, issue 25 item 7), and only their hash goes in the manifest.
 */
async function hashAll(evaluationDir: string, rels: readonly string[]): Promise<Array<{ path: string; sha256: string; bytes: number }>> {
  return mapLimit(rels, 4, async (rel) => {
    const hash = createHash('sha256');
    let bytes = 0;
    for await (const chunk of createReadStream(path.join(evaluationDir, rel)) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      bytes += chunk.length;
    }
    return { path: rel, sha256: hash.digest('hex'), bytes };
  });
}

async function importFiles(evaluationDir: string): Promise<string[]> {
  const entries = await readdir(path.join(evaluationDir, 'imports'), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(evaluationDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** The hashes the latest ingest manifest (within a few links of the head) recorded for imports, if any. */
async function lastIngestImports(evaluationDir: string): Promise<Map<string, string> | undefined> {
  let link: { file: string } | null | undefined = await readHead(evaluationDir);
  for (let step = 0; link && step < LOOKBACK; step++) {
    const file = path.join(evaluationDir, MANIFESTS_DIR, link.file);
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) return undefined;
    const manifest = parseOrThrow(EvidenceManifestSchema, JSON.parse(text), { file, what: 'evidence manifest' });
    if (manifest.kind === 'ingest') return new Map(manifest.artifacts.filter((a) => a.path.startsWith('imports/')).map((a) => [a.path, a.sha256]));
    link = manifest.previous;
  }
  return undefined;
}

/**
 * The manifest of one import batch: the history files this ingest wrote and every imported log it read, as it read
 * them. Written when either changed since the last ingest; resolves to the new head, or undefined when nothing did.
 */
export async function attestIngest(evaluationDir: string, historyDates: readonly string[], now = new Date()): Promise<ManifestHead | undefined> {
  const imports = await hashAll(evaluationDir, await importFiles(evaluationDir));
  const history = await readAll(evaluationDir, historyDates.map(historyRelPath));
  const before = await lastIngestImports(evaluationDir);
  const importsChanged = !before || imports.length !== before.size || imports.some((file) => before.get(file.path) !== file.sha256);
  if (history.length === 0 && !importsChanged) return undefined;
  return appendManifest(evaluationDir, { kind: 'ingest', runId: batchId('ingest', now), files: [...history, ...imports], now });
}

/** The manifest of a compaction: the runs and history files it removed on purpose, and the history it wrote. */
export async function attestCompaction(evaluationDir: string, report: CompactReport, now = new Date()): Promise<ManifestHead | undefined> {
  const removed = [...report.deletedRuns.map((id) => `runs/${id}/`), ...report.droppedHistory];
  const written = await readAll(evaluationDir, [...new Set(report.historyWritten)].map(historyRelPath));
  if (removed.length === 0 && written.length === 0) return undefined;
  return appendManifest(evaluationDir, { kind: 'compact', runId: batchId('compact', now), files: written, removed, now });
}

/** An operator vouching for files without a manifest (runs merged from other machines, evidence older than manifests). */
export async function adoptFiles(evaluationDir: string, note: string, now = new Date()): Promise<{ head?: ManifestHead; files: string[] }> {
  const files = await unattestedFiles(evaluationDir);
  if (files.length === 0) return { files };
  const head = await appendManifest(evaluationDir, { kind: 'adopt', runId: batchId('adopt', now), files: await readAll(evaluationDir, files), note, now });
  return { head, files };
}
