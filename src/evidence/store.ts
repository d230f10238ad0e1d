import * as nodeFs from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { forget, removeOnExit } from '../util/leftovers.ts';
import { mapLimit } from '../util/map-limit.ts';
import { EvalRunSchema, type EvalRun } from '../schemas/eval-run.ts';
import { parseOrThrow } from '../schemas/parse.ts';
import { redactDeep, redactText, type SecretValue } from './redact.ts';
import { formatRunSummaryFile, RUN_SUMMARY_FILE, summaryFromSidecar } from './run-summary-file.ts';
import { RACY_MTIME_MS, runJsonDigest } from './file-digest.ts';
import { EvidencePathError, readOptionalInside } from './inside-evaluation.ts';
import type { ScannedRunFile } from './scan-evaluation.ts';

/**
 * Writes probe runs into `evaluation/runs/<run-id>/`. A run is assembled in a hidden temp directory next to the
 * final one and renamed into place only when complete, so readers never see a partial run, a killed process
 * leaves at most a `.tmp-*` directory (swept on the next write), and two runs at once never share a directory.
 * Files are flushed to disk (fsync) before the rename that publishes them, and the directory after it, so a
 * power cut cannot leave a published run.json or history file empty or cut short.
 */

/** A raw, already redacted transcript kept beside run.json, under `raw/<name>`. */
export interface RawArtifact {
  name: string;
  content: string;
}

/** The filesystem calls the store makes; injectable so a full disk can be simulated in tests. */
export type StoreFs = Pick<typeof nodeFs, 'mkdir' | 'writeFile' | 'rename' | 'rm' | 'readdir' | 'stat' | 'utimes' | 'open'>;

export interface WriteRunOptions {
  /** Secret values to redact once more before writing (defence in depth; records should already be redacted). */
  secrets?: readonly SecretValue[];
  fs?: StoreFs;
}

/** Thrown when the evidence store cannot be written; names the path, and says stored runs were left untouched. */
export class EvidenceWriteError extends Error {
  readonly path: string;
  readonly code: string | undefined;
  constructor(filePath: string, cause: unknown) {
    const code = (cause as NodeJS.ErrnoException | undefined)?.code;
    const message = (cause as Error | undefined)?.message ?? String(cause);
    const why =
      code === 'ENOSPC'
        ? 'the disk is full (ENOSPC). Free some space (old runs can be compacted) and run the probes again'
        : code && message.startsWith(`${code}:`) // Node's own messages start with the code already
          ? message
          : `${code ?? 'error'}: ${message}`;
    super(`Could not write ${filePath}: ${why}. Runs already stored were not touched; this run was not saved.`, { cause });
    this.name = 'EvidenceWriteError';
    this.path = filePath;
    this.code = code;
  }
}

/** Temp directories older than this are leftovers of killed runs. */
const STALE_TEMP_MS = 60 * 60 * 1000;

/** Artifact names become file names: keep them to a safe alphabet. */
export function safeArtifactName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '_').slice(0, 120) || 'artifact';
}

/** Path of a run's directory relative to `evaluation/`, as artifact refs use it. */
export function runRelativeDir(runId: string): string {
  return `runs/${runId}`;
}

/** Flushes a file's bytes to disk (fsync), so the rename that publishes it cannot outlive them in a power cut. */
async function flushFile(file: string, fs: StoreFs): Promise<void> {
  const handle = await fs.open(file, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Flushes a directory's entries, so a rename into it survives a power cut. Best effort on purpose: some platforms
 * cannot open or flush a directory (Windows, some network file systems), and a failure here can at worst lose
 * the entry just written, never one stored before; the files themselves were flushed already.
 */
async function flushDirectory(dir: string, fs: StoreFs): Promise<void> {
  await flushFile(dir, fs).catch(() => undefined);
}

/** Writes `content` to `file` atomically and durably: a temp file in the same directory, flushed, then renamed over the target. */
export async function writeFileAtomic(file: string, content: string, fs: StoreFs = nodeFs): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  // A process stopped mid-write removes its temp file; one killed outright leaves it to sweepAtomicTemps.
  removeOnExit(temp);
  try {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(temp, content);
    await flushFile(temp, fs);
    await fs.rename(temp, file);
    forget(temp);
    await flushDirectory(path.dirname(file), fs);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    forget(temp);
    throw new EvidenceWriteError(file, error);
  }
}

/**
 * Validates `run` and writes it as `runs/<run-id>/run.json`, its summary sidecar (`summary.json`, see
 * run-summary-file.ts) and `raw/<name>` files under `evaluationDir`.
 * Resolves to the run directory. Nothing appears under the final name until everything is written.
 */
export async function writeRun(
  evaluationDir: string,
  run: EvalRun,
  rawArtifacts: readonly RawArtifact[] = [],
  options: WriteRunOptions = {},
): Promise<string> {
  const fs = options.fs ?? nodeFs;
  const secrets = options.secrets ?? [];
  const runsDir = path.join(evaluationDir, 'runs');
  const finalDir = path.join(runsDir, run.runId);
  const checked = parseOrThrow(EvalRunSchema, redactDeep(run, secrets), { file: path.join(finalDir, 'run.json'), what: 'evaluation run' });
  const tempDir = path.join(runsDir, `.tmp-${run.runId}-${process.pid}-${randomBytes(3).toString('hex')}`);
  await fs.mkdir(runsDir, { recursive: true }).catch((error: unknown) => {
    throw new EvidenceWriteError(runsDir, error);
  });
  await sweepStaleTemps(runsDir, fs);
  let current = tempDir;
  removeOnExit(tempDir);
  // Everything written into the temp dir, flushed together before the rename publishes it.
  const written: string[] = [];
  try {
    await fs.mkdir(path.join(tempDir, 'raw'), { recursive: true });
    for (const artifact of rawArtifacts) {
      current = path.join(finalDir, 'raw', safeArtifactName(artifact.name));
      const file = path.join(tempDir, 'raw', safeArtifactName(artifact.name));
      await fs.writeFile(file, redactText(artifact.content, secrets));
      written.push(file);
    }
    current = path.join(finalDir, 'run.json');
    const runJson = `${JSON.stringify(checked, null, 2)}\n`;
    const runJsonFile = path.join(tempDir, 'run.json');
    await fs.writeFile(runJsonFile, runJson);
    written.push(runJsonFile);
    // Dated back past the racy window, so any later write changes the mtime and the sidecar may vouch by it.
    const dated = Math.floor((Date.now() - RACY_MTIME_MS) / 1000);
    await fs.utimes(runJsonFile, dated, dated);
    const { mtimeMs } = await fs.stat(runJsonFile);
    current = path.join(finalDir, RUN_SUMMARY_FILE);
    await fs.writeFile(path.join(tempDir, RUN_SUMMARY_FILE), formatRunSummaryFile(checked, runJsonDigest(runJson, mtimeMs)));
    written.push(path.join(tempDir, RUN_SUMMARY_FILE));
    current = finalDir;
    await mapLimit(written, 32, (file) => flushFile(file, fs)); // a bounded number of open files
    await Promise.all([path.join(tempDir, 'raw'), tempDir].map((dir) => flushDirectory(dir, fs)));
    // rename(2) of a directory onto an existing non-empty one fails, so a run id collision cannot clobber a run.
    await fs.rename(tempDir, finalDir);
    forget(tempDir);
    await flushDirectory(runsDir, fs);
  } catch (error) {
    await fs.rm(tempDir, { recursive: true, force: true }).catch(() => undefined);
    forget(tempDir);
    throw new EvidenceWriteError(current, error);
  }
  return finalDir;
}

/** Removes `.tmp-*` run directories left by killed processes, once they are clearly abandoned. */
async function sweepStaleTemps(runsDir: string, fs: StoreFs): Promise<void> {
  const entries = await fs.readdir(runsDir).catch(() => [] as string[]);
  const now = Date.now();
  for (const entry of entries) {
    if (!entry.startsWith('.tmp-')) continue;
    const full = path.join(runsDir, entry);
    const stat = await fs.stat(full).catch(() => undefined);
    if (stat && now - stat.mtimeMs > STALE_TEMP_MS) await fs.rm(full, { recursive: true, force: true }).catch(() => undefined);
  }
}

/**
 * Writes `summary.json` for every scanned run whose sidecar is missing or does not vouch for the bytes the scan
 * parsed (runs written before sidecars existed, or edited by hand), so the next build can trust it. A sidecar
 * whose hash matches but whose mtime does not (a checkout, a downloaded artifact) is left as it is: the build
 * then checks it by hash, and CI does not rewrite every sidecar on the evidence branch each time it restores
 * it. Takes the scan's runs so each run.json is read and parsed once; invalid runs are not in the scan and are
 * left alone (the build reports them). Resolves to the runs whose sidecar was written.
 */
export async function repairRunSummaries(evaluationDir: string, runFiles: readonly ScannedRunFile[]): Promise<string[]> {
  const stale = await mapLimit(runFiles, 32, async (file) => {
    const rel = `${path.posix.dirname(file.rel)}/${RUN_SUMMARY_FILE}`;
    const text = await readOptionalInside(evaluationDir, rel, { what: 'run summary', maxBytes: 1024 * 1024 }).catch((error: unknown) => {
      // A link out or a huge file is no sidecar (the rename replaces it); a folder in the way cannot be replaced.
      if (error instanceof EvidencePathError) return error.problem === 'not-a-file' ? null : undefined;
      throw error;
    });
    const sidecar = path.join(evaluationDir, rel);
    return text === null || summaryFromSidecar(text, file.digest.sha256, file.run.runId) ? [] : [{ ...file, sidecar }];
  });
  // Each write waits for its fsync: a few at a time, so the first ingest after an upgrade is not one fsync per run in a row.
  return mapLimit(stale.flat(), 16, async ({ run, digest, sidecar }) => {
    await writeFileAtomic(sidecar, formatRunSummaryFile(run, digest));
    return run.runId;
  });
}
