import { mapLimit } from '../util/map-limit.ts';
import type { Check } from '../schemas/check.ts';
import type { DailyHistory } from '../schemas/history.ts';
import type { EvalRun } from '../schemas/eval-run.ts';
import type { ImportedArtifact } from '../schemas/imported-artifact.ts';
import { ProofbookInputError } from '../schemas/parse.ts';
import { readImport } from './read-import.ts';
import type { SecretValue } from './redact.ts';
import { runJsonDigest, vouchingMtime, type RunJsonDigest } from './file-digest.ts';
import { listHistoryEntries, readHistory } from './history-files.ts';
import { MAX_EVIDENCE_JSON_BYTES, readInside } from './inside-evaluation.ts';
import { listImportFiles } from './import-files.ts';
import { listRunEntries, parseJsonRun } from './run-files.ts';

/** A file under evaluation/ that could not be used, with the located reason. */
export interface EvidenceProblem {
  file: string;
  message: string;
}

/** A valid run.json as read by the scan. */
export interface ScannedRunFile {
  rel: string;
  run: EvalRun;
  digest: RunJsonDigest;
}

/** Everything found under evaluation/ in one pass. */
export interface EvaluationScan {
  /** Each valid run with the digest of the bytes it was parsed from (for its summary sidecar). */
  runFiles: ScannedRunFile[];
  imports: ImportedArtifact[];
  histories: DailyHistory[];
  /** Invalid run.json and history files (skipped; `--strict` fails on them). */
  problems: EvidenceProblem[];
}

async function readValid<T>(evaluationDir: string, files: string[], read: (dir: string, rel: string) => Promise<T>, problems: EvidenceProblem[]): Promise<T[]> {
  const results = await mapLimit(files, 32, async (rel) => {
    try {
      return await read(evaluationDir, rel);
    } catch (error) {
      if (!(error instanceof ProofbookInputError)) throw error;
      problems.push({ file: `evaluation/${rel}`, message: error.message });
      return undefined;
    }
  });
  return results.filter((r): r is Awaited<T> => r !== undefined) as T[];
}

/**
 * Reads and validates one run, keeping the digest of the bytes it came from. The mtime is taken from the open file
 * before the read: a write after it gives the file a later mtime, so the digest can only be too cautious, never wrong.
 */
async function readRunFile(evaluationDir: string, rel: string): Promise<ScannedRunFile> {
  const { bytes, stats } = await readInside(evaluationDir, rel, { what: 'evaluation run', maxBytes: MAX_EVIDENCE_JSON_BYTES });
  return { rel, run: parseJsonRun(bytes.toString('utf8'), `evaluation/${rel}`), digest: runJsonDigest(bytes, vouchingMtime(stats.mtimeMs)) };
}

/** Reads every run, import and history file; bad files become problems, never exceptions. Imports are judged by `checks` (src/config/). */
export async function scanEvaluation(evaluationDir: string, secrets: readonly SecretValue[], checks: readonly Check[]): Promise<EvaluationScan> {
  const [runEntries, historyEntries] = await Promise.all([listRunEntries(evaluationDir), listHistoryEntries(evaluationDir)]);
  // Stray entries (a file in runs/, a folder named like a history file) are reported, never read.
  const problems: EvidenceProblem[] = [...runEntries.stray, ...historyEntries.stray];
  const runFiles = await readValid(evaluationDir, runEntries.files, readRunFile, problems);
  const histories = await readValid(evaluationDir, historyEntries.files, readHistory, problems);
  const imports = await mapLimit(await listImportFiles(evaluationDir), 32, (rel) => readImport(evaluationDir, rel, secrets, checks));
  return { runFiles, imports, histories, problems };
}
