import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { findNodeAtLocation, parseTree, type ParseError } from 'jsonc-parser';
import { EvalRunSchema, type EvalRun } from '../schemas/eval-run.ts';
import { DailyHistorySchema, type DailyHistory } from '../schemas/history.ts';
import { ProofbookInputError, parseOrThrow } from '../schemas/parse.ts';

/**
 * Reading `evaluation/`: lists and reads runs, imports and daily history files. Every JSON file goes
 * through parseOrThrow with a line map, so a bad file is reported as `file:line → field: message`.
 */

/** The evaluation dir: env `PROOFBOOK_EVALUATION_DIR`, else `./evaluation` under `root`. */
export function resolveEvaluationDir(root: string, env: Readonly<Record<string, string | undefined>> = process.env): string {
  return path.resolve(root, env.PROOFBOOK_EVALUATION_DIR || 'evaluation');
}

/** Maps a zod issue path to a 1-based line in JSON `text`. */
export function jsonLineMap(text: string): (p: readonly PropertyKey[]) => number | undefined {
  // The syntax tree costs ~7 ms per 200-record run, and only a file that fails validation needs it.
  let tree: ReturnType<typeof parseTree> | null = null;
  return (issuePath) => {
    tree ??= parseTree(text, [] as ParseError[]);
    if (!tree) return undefined;
    for (let depth = issuePath.length; depth >= 0; depth--) {
      const node = findNodeAtLocation(tree, issuePath.slice(0, depth) as (string | number)[]);
      if (node) return text.slice(0, node.offset).split('\n').length;
    }
    return undefined;
  };
}

/** Parses a JSON evidence file's text with `schema`; throws ProofbookInputError naming file, line and field. */
export function parseJsonFile<T>(schema: Parameters<typeof parseOrThrow>[0], text: string, file: string, what: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ProofbookInputError(file, what, [{ path: '', message: `not valid JSON: ${(error as Error).message}` }], 'the file may be truncated; re-run the probe or delete it');
  }
  return parseOrThrow(schema, value, { file, what, lineOf: jsonLineMap(text) }) as T;
}

async function listDir(dir: string): Promise<string[]> {
  return readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
}

/** undefined for a file that does not exist; any other error is thrown again. */
function undefinedWhenMissing(error: NodeJS.ErrnoException): undefined {
  if (error.code === 'ENOENT') return undefined;
  throw error;
}

/** A UTF-8 file's text, or undefined when it does not exist (any other error is thrown). */
export async function readOptionalText(file: string): Promise<string | undefined> {
  return readFile(file, 'utf8').catch(undefinedWhenMissing);
}

/** readOptionalText without a promise: for small files read on a path where the promise API's overhead dominates. */
export function readOptionalTextSync(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    return undefinedWhenMissing(error as NodeJS.ErrnoException);
  }
}

/** `runs/<run-id>/run.json` paths relative to the evaluation dir; in-progress `.tmp-*` runs are skipped. */
export async function listRunFiles(evaluationDir: string): Promise<string[]> {
  const ids = await listDir(path.join(evaluationDir, 'runs'));
  return ids.filter((id) => !id.startsWith('.')).sort().map((id) => `runs/${id}/run.json`);
}

/**
 * Reads and validates one run; throws ProofbookInputError (file, line, field) when it is bad. Synchronous, for
 * the evidence pages (why: src/routes/evidence/read-artifact.ts); its other callers read one run at a time.
 */
export function readRun(evaluationDir: string, rel: string): EvalRun {
  return parseJsonRun(readFileSync(path.join(evaluationDir, rel), 'utf8'), `evaluation/${rel}`);
}

export function sha256Hex(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** What a run summary sidecar vouches for: run.json's size and SHA-256, and its mtime when that can be trusted. */
export interface RunJsonDigest {
  bytes: number;
  sha256: string;
  mtimeMs?: number;
}

/** Size and SHA-256 of run.json as stored (its bytes, or its text as UTF-8), with the mtime it had before it was read. */
export function runJsonDigest(content: Buffer | string, mtimeMs?: number): RunJsonDigest {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { bytes: bytes.length, sha256: sha256Hex(bytes), ...(mtimeMs === undefined ? {} : { mtimeMs }) };
}

/**
 * How old an mtime must be before it may stand for the bytes: file timestamps advance in coarse clock ticks,
 * so a same-size edit within a tick or so of the last write could keep the mtime (git's "racily clean" files).
 */
export const RACY_MTIME_MS = 2_000;

/** `mtimeMs` when it is old enough that any later write must change it, else undefined. */
export function vouchingMtime(mtimeMs: number, now = Date.now()): number | undefined {
  return now - mtimeMs >= RACY_MTIME_MS ? mtimeMs : undefined;
}

/** Validates run.json text (pure; `file` is only for messages). */
export function parseJsonRun(text: string, file: string): EvalRun {
  return parseJsonFile<EvalRun>(EvalRunSchema, text, file, 'evaluation run');
}

/** `history/<yyyy-mm-dd>.json` paths relative to the evaluation dir. */
export async function listHistoryFiles(evaluationDir: string): Promise<string[]> {
  const names = await listDir(path.join(evaluationDir, 'history'));
  return names.filter((n) => /^\d{4}-\d{2}-\d{2}\.json$/.test(n)).sort().map((n) => `history/${n}`);
}

/** Validates history text (pure). */
export function parseJsonHistory(text: string, file: string): DailyHistory {
  return parseJsonFile<DailyHistory>(DailyHistorySchema, text, file, 'daily history');
}

/** Reads and validates one daily history file. */
export async function readHistory(evaluationDir: string, rel: string): Promise<DailyHistory> {
  return parseJsonHistory(await readFile(path.join(evaluationDir, rel), 'utf8'), `evaluation/${rel}`);
}

const isImportArtifact = (name: string): boolean => !name.startsWith('.') && !name.endsWith('.meta.yaml') && name !== 'README.md';

/** Every imported artifact under `imports/` (recursively), relative to the evaluation dir; sidecars excluded. */
export async function listImportFiles(evaluationDir: string): Promise<string[]>;
/** The same, plus the sidecar manifests that exist (so callers need not probe for them). */
export async function listImportFiles(evaluationDir: string, options: { withSidecars: true }): Promise<{ files: string[]; sidecars: string[] }>;
export async function listImportFiles(evaluationDir: string, options?: { withSidecars: true }): Promise<string[] | { files: string[]; sidecars: string[] }> {
  const root = path.join(evaluationDir, 'imports');
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  // String slicing instead of path.relative: this runs for every file on every warm sync.
  const prefix = evaluationDir.length + 1;
  const files: string[] = [];
  const sidecars: string[] = [];
  for (const e of entries) {
    if (!e.isFile() || e.name.startsWith('.')) continue;
    const dir = e.parentPath.slice(prefix).split(path.sep).join('/');
    if (dir.includes('/.')) continue; // hidden folders (editor swap dirs, temp copies)
    const rel = `${dir}/${e.name}`;
    if (e.name.endsWith('.meta.yaml')) sidecars.push(rel);
    else if (isImportArtifact(e.name)) files.push(rel);
  }
  files.sort();
  if (!options?.withSidecars) return files;
  return { files, sidecars };
}
