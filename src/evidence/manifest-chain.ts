import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  EvidenceManifestSchema,
  MANIFEST_SCHEMA_VERSION,
  ManifestHeadSchema,
  type EvidenceManifest,
  type ManifestArtifact,
  type ManifestHead,
  type ManifestKind,
} from '../schemas/evidence-manifest.ts';
import { parseOrThrow } from '../schemas/parse.ts';
import { sha256Hex } from './file-digest.ts';
import { readOptionalInside } from './inside-evaluation.ts';
import { parseJsonFile } from './json-file.ts';
import { EvidenceWriteError, writeFileAtomic } from './store.ts';
import { isAlive } from '../util/leftovers.ts';

/**
 * Appends manifests to the chain in `evaluation/manifests/` (see src/schemas/evidence-manifest.ts). Writers take a
 * lock (an exclusive `mkdir`, which is atomic), read the head, write the new manifest under a name no other
 * writer can pick (the next sequence number, under the lock) and move the head with an atomic rename; two
 * probes finishing at once therefore chain one after the other instead of both claiming the same predecessor.
 */

/** The chain's folder, relative to evaluation/. */
export const MANIFESTS_DIR = 'manifests';
export const HEAD_FILE = 'head.json';
/** Names of manifest files: `<6-digit sequence>-<run id>.json`. */
export const MANIFEST_FILE = /^\d{6}-[A-Za-z0-9._-]+\.json$/;
const LOCK_DIR = '.lock';
/** A writer holds the lock for milliseconds; one held longer than this by a process that is gone was abandoned. */
const STALE_LOCK_MS = 30_000;
const LOCK_TIMEOUT_MS = 60_000;

/** One file to attest: its path under evaluation/ and the bytes as written. */
export type AttestedFile = { path: string; content: string | Buffer } | { path: string; sha256: string; bytes: number };

/** What a step tells the chain about itself. */
export interface ManifestEntry {
  kind: ManifestKind;
  runId: string;
  files: readonly AttestedFile[];
  removed?: readonly string[];
  note?: string;
  now?: Date;
}

/** File name of the manifest with `sequence` for `runId`. */
export function manifestFileName(sequence: number, runId: string): string {
  return `${String(sequence).padStart(6, '0')}-${runId.replace(/[^A-Za-z0-9._-]+/g, '_')}.json`;
}

/** Hashes of files as written, sorted by path. */
export function attest(files: readonly AttestedFile[]): ManifestArtifact[] {
  return files
    .map((file) => {
      if ('sha256' in file) return { path: file.path.split(path.sep).join('/'), sha256: file.sha256, bytes: file.bytes };
      const bytes = typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content;
      return { path: file.path.split(path.sep).join('/'), sha256: sha256Hex(bytes), bytes: bytes.length };
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Removes a lock whose owner is gone or which is far older than any writer holds it. */
async function clearAbandonedLock(lock: string): Promise<void> {
  const owner = Number((await readFile(path.join(lock, 'owner'), 'utf8').catch(() => '')).split(' ')[0]);
  const age = Date.now() - ((await stat(lock).catch(() => undefined))?.mtimeMs ?? Date.now());
  if ((owner > 0 && !isAlive(owner) && age > 1000) || age > STALE_LOCK_MS) await rm(lock, { recursive: true, force: true });
}

/** Runs `fn` holding the chain's lock. */
async function withLock<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  const lock = path.join(dir, LOCK_DIR);
  const deadline = Date.now() + LOCK_TIMEOUT_MS;
  await mkdir(dir, { recursive: true });
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new EvidenceWriteError(lock, error);
      if (Date.now() > deadline) throw new EvidenceWriteError(lock, new Error(`the manifest lock was held for over ${LOCK_TIMEOUT_MS / 1000} s; if no other Proofbook step runs, remove ${lock}`));
      await clearAbandonedLock(lock);
      await sleep(10 + Math.random() * 40);
    }
  }
  try {
    await writeFile(path.join(lock, 'owner'), `${process.pid} ${randomBytes(4).toString('hex')}\n`);
    return await fn();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

/** The chain's head, or undefined for an empty chain; a head that does not parse is an error naming the file. */
export async function readHead(evaluationDir: string): Promise<ManifestHead | undefined> {
  // Bounded and never through a link out of evaluation/ (src/evidence/inside-evaluation.ts); broken JSON is named.
  const text = await readOptionalInside(evaluationDir, `${MANIFESTS_DIR}/${HEAD_FILE}`, { what: 'manifest chain head', maxBytes: 64 * 1024 });
  if (text === undefined) return undefined;
  return parseJsonFile<ManifestHead>(ManifestHeadSchema, text, `evaluation/${MANIFESTS_DIR}/${HEAD_FILE}`, 'manifest chain head');
}

/** Serialises a manifest exactly as it is written and hashed. */
export function formatManifest(manifest: EvidenceManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * Appends a manifest for `entry` and moves the head to it; resolves to the new head. A chain whose head file is
 * gone while manifests remain is not continued: that is the signature of a removed tail, for verify-evidence.
 */
export async function appendManifest(evaluationDir: string, entry: ManifestEntry): Promise<ManifestHead> {
  const dir = path.join(evaluationDir, MANIFESTS_DIR);
  return withLock(dir, async () => {
    const head = await readHead(evaluationDir);
    if (!head) {
      const orphans = (await readdir(dir)).filter((name) => MANIFEST_FILE.test(name));
      if (orphans.length > 0) {
        const why = `${HEAD_FILE} is missing while ${orphans.length} manifests remain, so the chain's newest link was removed; npm run verify-evidence shows what else changed. Restore it, or move evaluation/${MANIFESTS_DIR}/ away to start a new chain`;
        throw new EvidenceWriteError(path.join(dir, HEAD_FILE), new Error(why));
      }
    }
    const sequence = (head?.sequence ?? 0) + 1;
    const manifest: EvidenceManifest = {
      schemaVersion: MANIFEST_SCHEMA_VERSION,
      sequence,
      kind: entry.kind,
      runId: entry.runId,
      createdAt: (entry.now ?? new Date()).toISOString(),
      artifacts: attest(entry.files),
      removed: [...(entry.removed ?? [])].sort(),
      ...(entry.note ? { note: entry.note } : {}),
      previous: head ? { sequence: head.sequence, runId: head.runId, file: head.file, sha256: head.sha256 } : null,
    };
    const text = formatManifest(parseOrThrow(EvidenceManifestSchema, manifest, { file: `evaluation/${MANIFESTS_DIR}`, what: 'evidence manifest' }));
    const file = manifestFileName(sequence, entry.runId);
    await writeFileAtomic(path.join(dir, file), text);
    const next: ManifestHead = { schemaVersion: MANIFEST_SCHEMA_VERSION, sequence, runId: entry.runId, file, sha256: sha256Hex(text) };
    await writeFileAtomic(path.join(dir, HEAD_FILE), `${JSON.stringify(next, null, 2)}\n`);
    return next;
  });
}
