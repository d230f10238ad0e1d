import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { EvalRun } from '../schemas/eval-run.ts';
import { RunSummaryFileSchema, type RunSummary } from '../schemas/run-summary.ts';
import { parseJsonRun, sha256Hex } from './scan.ts';
import { summariseRun } from './summarise-run.ts';

/**
 * The run summary sidecar (`runs/<id>/summary.json`). The build lists every retained run on /evidence/ but
 * needs only its head and verdict counts; parsing and validating each whole run.json made a cold build cost
 * ~2.5 ms per run per 200 records. The store writes the summary with the hash of the exact run.json bytes,
 * so a reader pays a read and a hash (~0.25 ms per run) and still notices any edit, truncation or
 * checkout of a different file: then it parses run.json as before and reports it when it is bad.
 */

export const RUN_SUMMARY_FILE = 'summary.json';

/** The sidecar text for `run`, parsed from the run.json bytes `runJson` describes (see runJsonDigest). */
export function formatRunSummaryFile(run: EvalRun, runJson: { bytes: number; sha256: string }): string {
  const file = { schemaVersion: 1, runJson, summary: summariseRun(run) };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** What a sidecar vouches for, or undefined when it is missing, unreadable or for other bytes. */
export function summaryFromSidecar(sidecarText: string | undefined, runJsonSha256: string, runId: string): RunSummary | undefined {
  if (!sidecarText) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(sidecarText);
  } catch {
    return undefined;
  }
  const parsed = RunSummaryFileSchema.safeParse(value);
  if (!parsed.success || parsed.data.runJson.sha256 !== runJsonSha256 || parsed.data.summary.runId !== runId) return undefined;
  return parsed.data.summary;
}

export async function readOptionalText(file: string): Promise<string | undefined> {
  return readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
}

/** The bytes' hash and the sidecar text of one run: what decides whether its summary can be trusted. */
export interface RunSummaryInput {
  rel: string;
  runId: string;
  bytes: Buffer;
  sha256: string;
  sidecarText: string | undefined;
}

/** Reads `runs/<id>/run.json` (bytes) and its sidecar. */
export async function readRunSummaryInput(evaluationDir: string, rel: string): Promise<RunSummaryInput> {
  const dir = path.dirname(path.join(evaluationDir, rel));
  const [bytes, sidecarText] = await Promise.all([readFile(path.join(evaluationDir, rel)), readOptionalText(path.join(dir, RUN_SUMMARY_FILE))]);
  return { rel, runId: path.basename(dir), bytes, sha256: sha256Hex(bytes), sidecarText };
}

/**
 * The run's summary: from the sidecar when it vouches for these bytes, else by validating the whole run
 * (throws ProofbookInputError naming file, line and field when run.json is bad).
 */
export function summaryOf(input: RunSummaryInput): { summary: RunSummary; fromSidecar: boolean } {
  const trusted = summaryFromSidecar(input.sidecarText, input.sha256, input.runId);
  if (trusted) return { summary: trusted, fromSidecar: true };
  return { summary: summariseRun(parseJsonRun(input.bytes.toString('utf8'), `evaluation/${input.rel}`)), fromSidecar: false };
}
