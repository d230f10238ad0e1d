import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, type Stats } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import path from 'node:path';
import { ProofbookInputError } from '../schemas/parse.ts';

/**
 * The one way evidence files are read: never through a link out of evaluation/ (issue 25 item 1: a link in a run's
 * raw/ to /proc/self/environ published the keys). Whoever can write to the evidence branch can plant links, so
 * the file's real path (every link on the way resolved) must lie inside the evaluation dir's real path; checking
 * the path text is not enough. The file is then opened with O_NOFOLLOW, so a link swapped in after the check is
 * refused too, and read only when it is a regular file within the size limit.
 */

/** Why a file under evaluation/ was not read. */
export type EvidencePathProblem = 'outside' | 'missing' | 'not-a-file' | 'too-large';

/** A file under evaluation/ that cannot be read as evidence; a ProofbookInputError, so it is reported like a bad file. */
export class EvidencePathError extends ProofbookInputError {
  readonly problem: EvidencePathProblem;
  constructor(rel: string, what: string, problem: EvidencePathProblem, message: string, hint?: string) {
    super(`evaluation/${rel}`, what, [{ path: '', message }], hint);
    this.name = 'EvidencePathError';
    this.problem = problem;
  }
}

/** What a read under evaluation/ needs besides the path: what the file is (for messages) and its size limit. */
export interface InsideReadOptions {
  what: string;
  maxBytes: number;
}

/** JSON evidence (run.json, history, summaries) larger than this is refused: far beyond any real run, below V8's string limit. */
export const MAX_EVIDENCE_JSON_BYTES = 64 * 1024 * 1024;

const isInside = (root: string, file: string): boolean => file.startsWith(root.endsWith(path.sep) ? root : root + path.sep);

function outside(rel: string, what: string): EvidencePathError {
  return new EvidencePathError(rel, what, 'outside', 'links (or lies) outside evaluation/; links out of the evidence store are never followed', 'replace the link with the file itself');
}

function explainFsError(rel: string, what: string, error: unknown): never {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') throw new EvidencePathError(rel, what, 'missing', `not found (${code})`);
  if (code === 'ELOOP') throw outside(rel, what);
  if (code === 'EISDIR') throw notAFile(rel, what);
  throw error;
}

const notAFile = (rel: string, what: string) => new EvidencePathError(rel, what, 'not-a-file', 'is a folder (or another special file), not a file');

function checkOpened(rel: string, options: InsideReadOptions, stats: Stats): void {
  if (!stats.isFile()) throw notAFile(rel, options.what);
  if (stats.size > options.maxBytes) {
    throw new EvidencePathError(rel, options.what, 'too-large', `is ${stats.size} bytes, over the ${options.maxBytes}-byte limit for ${options.what}`);
  }
}

/** The real path of `rel` under `evaluationDir`, or an EvidencePathError when it is missing or outside. */
export function resolveInsideSync(evaluationDir: string, rel: string, what = 'evidence file'): string {
  const root = path.resolve(evaluationDir);
  if (!isInside(root, path.resolve(root, rel))) throw outside(rel, what);
  let real: string;
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
    real = realpathSync(path.join(root, rel));
  } catch (error) {
    explainFsError(rel, what, error);
  }
  if (!isInside(realRoot, real)) throw outside(rel, what);
  return real;
}

/** {@link resolveInsideSync} with the promise API. */
export async function resolveInside(evaluationDir: string, rel: string, what = 'evidence file'): Promise<string> {
  const root = path.resolve(evaluationDir);
  if (!isInside(root, path.resolve(root, rel))) throw outside(rel, what);
  let real: string;
  let realRoot: string;
  try {
    [realRoot, real] = await Promise.all([realpath(root), realpath(path.join(root, rel))]);
  } catch (error) {
    explainFsError(rel, what, error);
  }
  if (!isInside(realRoot, real)) throw outside(rel, what);
  return real;
}

// O_NONBLOCK: opening a FIFO planted in evaluation/ would otherwise wait for a writer forever (no effect on files).
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

/** Reads a file under evaluation/ (see the module comment); throws EvidencePathError when it may not be read. */
export async function readInside(evaluationDir: string, rel: string, options: InsideReadOptions): Promise<{ bytes: Buffer; stats: Stats }> {
  const real = await resolveInside(evaluationDir, rel, options.what);
  const handle = await open(real, OPEN_FLAGS).catch((error: unknown) => explainFsError(rel, options.what, error));
  try {
    const stats = await handle.stat();
    checkOpened(rel, options, stats);
    return { bytes: await handle.readFile(), stats };
  } finally {
    await handle.close();
  }
}

/** {@link readInside} without a promise, for the synchronous readers of the evidence pages. */
export function readInsideSync(evaluationDir: string, rel: string, options: InsideReadOptions): { bytes: Buffer; stats: Stats } {
  const real = resolveInsideSync(evaluationDir, rel, options.what);
  let fd: number;
  try {
    fd = openSync(real, OPEN_FLAGS);
  } catch (error) {
    explainFsError(rel, options.what, error);
  }
  try {
    const stats = fstatSync(fd);
    checkOpened(rel, options, stats);
    const bytes = Buffer.alloc(stats.size);
    let offset = 0;
    while (offset < bytes.length) {
      const n = readSync(fd, bytes, offset, bytes.length - offset, offset);
      if (n === 0) break;
      offset += n;
    }
    return { bytes: bytes.subarray(0, offset), stats };
  } finally {
    closeSync(fd);
  }
}

/** A UTF-8 file under evaluation/, or undefined when it does not exist; every other problem is thrown. */
export async function readOptionalInside(evaluationDir: string, rel: string, options: InsideReadOptions): Promise<string | undefined> {
  try {
    return (await readInside(evaluationDir, rel, options)).bytes.toString('utf8');
  } catch (error) {
    if (error instanceof EvidencePathError && error.problem === 'missing') return undefined;
    throw error;
  }
}

/** {@link readOptionalInside} without a promise. */
export function readOptionalInsideSync(evaluationDir: string, rel: string, options: InsideReadOptions): string | undefined {
  try {
    return readInsideSync(evaluationDir, rel, options).bytes.toString('utf8');
  } catch (error) {
    if (error instanceof EvidencePathError && error.problem === 'missing') return undefined;
    throw error;
  }
}

/** SHA-256 and size of a file under evaluation/ of any size, read a chunk at a time (same checks as {@link readInside}). */
export async function hashInside(evaluationDir: string, rel: string, what = 'evidence file'): Promise<{ sha256: string; bytes: number }> {
  const real = await resolveInside(evaluationDir, rel, what);
  const handle = await open(real, OPEN_FLAGS).catch((error: unknown) => explainFsError(rel, what, error));
  try {
    checkOpened(rel, { what, maxBytes: Number.MAX_SAFE_INTEGER }, await handle.stat());
    const hash = createHash('sha256');
    let bytes = 0;
    for await (const chunk of handle.createReadStream({ autoClose: false }) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      bytes += chunk.length;
    }
    return { sha256: hash.digest('hex'), bytes };
  } finally {
    await handle.close();
  }
}
