import { statSync } from 'node:fs';
import path from 'node:path';
import type { EvalRun } from '../schemas/eval-run.ts';
import { RunSummaryFileSchema, type RunSummary, type RunSummaryFile } from '../schemas/run-summary.ts';
import { sha256Hex, type RunJsonDigest } from './file-digest.ts';
import { EvidencePathError, MAX_EVIDENCE_JSON_BYTES, readInside, readOptionalInsideSync, resolveInsideSync } from './inside-evaluation.ts';
import { parseJsonRun } from './run-files.ts';
import { summariseRun } from './summarise-run.ts';

/**
 * The run summary sidecar (`runs/<id>/summary.json`). The build lists every retained run on /evidence/ but
 * needs only its head and verdict counts; parsing and validating each whole run.json made a cold build cost
 * ~2.5 ms per run per 200 records. The store writes the summary with the size, hash and mtime of the exact
 * run.json bytes. A reader whose stat of run.json shows the same size and mtime pays only the stat and the
 * sidecar read; otherwise it reads and hashes run.json (~0.4 ms per 170 KB run) and still notices any edit,
 * truncation or checkout of a different file: then it parses run.json as before and reports it when it is bad.
 */

export const RUN_SUMMARY_FILE = 'summary.json';

/** The sidecar text for `run`, parsed from the run.json bytes `runJson` describes (see runJsonDigest). */
export function formatRunSummaryFile(run: EvalRun, runJson: RunJsonDigest): string {
  const file = { schemaVersion: 1, runJson, summary: summariseRun(run) };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** The sidecar of run `runId`, or undefined when it is missing, unreadable, of the wrong shape or another run's. */
function parseSidecar(sidecarText: string | undefined, runId: string): RunSummaryFile | undefined {
  if (!sidecarText) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(sidecarText);
  } catch {
    return undefined;
  }
  const parsed = RunSummaryFileSchema.safeParse(value);
  return parsed.success && parsed.data.summary.runId === runId ? parsed.data : undefined;
}

/** What a sidecar vouches for, or undefined when it is missing, unreadable or for other bytes. */
export function summaryFromSidecar(sidecarText: string | undefined, runJsonSha256: string, runId: string): RunSummary | undefined {
  const sidecar = parseSidecar(sidecarText, runId);
  return sidecar?.runJson.sha256 === runJsonSha256 ? sidecar.summary : undefined;
}

/** The sidecar's text; one that is missing, a folder, too big or a link out of evaluation/ is no sidecar. */
function readSidecarText(evaluationDir: string, rel: string): string | undefined {
  try {
    return readOptionalInsideSync(evaluationDir, rel, { what: 'run summary', maxBytes: 1024 * 1024 });
  } catch (error) {
    if (error instanceof EvidencePathError) return undefined;
    throw error;
  }
}

/**
 * What decides whether one run's summary can be taken from its sidecar: the sidecar's summary when it vouches
 * for run.json (checked by size and mtime, or by hashing the bytes), else run.json's bytes to parse.
 */
export type RunSummaryInput = {
  rel: string;
  runId: string;
  /** SHA-256 of run.json: hashed from its bytes, or as the sidecar records it when size and mtime vouch for them. */
  sha256: string;
} & ({ vouched: RunSummary; via: 'stat' | 'hash' } | { vouched?: undefined; bytes: Buffer });

/**
 * Stats `runs/<id>/run.json` and reads its sidecar; reads and hashes run.json only when size and mtime differ.
 * The stat and the sidecar (~1 KB, from the page cache) are read synchronously: for the 450 runs of the build
 * benchmark the promise API cost 36–44 ms of the main thread against 11–15 ms (measured standalone).
 */
export async function readRunSummaryInput(evaluationDir: string, rel: string): Promise<RunSummaryInput> {
  const runId = path.basename(path.dirname(rel));
  // Neither run.json nor its sidecar is read through a link out of evaluation/ (src/evidence/inside-evaluation.ts).
  const stats = statSync(resolveInsideSync(evaluationDir, rel, 'evaluation run'));
  const sidecar = parseSidecar(readSidecarText(evaluationDir, `${path.posix.dirname(rel)}/${RUN_SUMMARY_FILE}`), runId);
  if (sidecar?.runJson.mtimeMs !== undefined && sidecar.runJson.mtimeMs === stats.mtimeMs && sidecar.runJson.bytes === stats.size) {
    return { rel, runId, sha256: sidecar.runJson.sha256, vouched: sidecar.summary, via: 'stat' };
  }
  const { bytes } = await readInside(evaluationDir, rel, { what: 'evaluation run', maxBytes: MAX_EVIDENCE_JSON_BYTES });
  const sha256 = sha256Hex(bytes);
  return sidecar?.runJson.sha256 === sha256 ? { rel, runId, sha256, vouched: sidecar.summary, via: 'hash' } : { rel, runId, sha256, bytes };
}

/**
 * The run's summary: from the sidecar when it vouches for run.json, else by validating the whole run
 * (throws ProofbookInputError naming file, line and field when run.json is bad).
 */
export function summaryOf(input: RunSummaryInput): { summary: RunSummary; fromSidecar: boolean } {
  if (input.vouched) return { summary: input.vouched, fromSidecar: true };
  return { summary: summariseRun(parseJsonRun(input.bytes.toString('utf8'), `evaluation/${input.rel}`)), fromSidecar: false };
}
