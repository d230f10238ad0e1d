import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EvalRunSchema, type EvalRun } from '../schemas/eval-run.ts';
import { parseJsonFile } from './json-file.ts';
import { listDir } from './optional-file.ts';

/** `runs/<run-id>/run.json` paths relative to the evaluation dir; in-progress `.tmp-*` runs are skipped. */
export async function listRunFiles(evaluationDir: string): Promise<string[]> {
  const ids = await listDir(path.join(evaluationDir, 'runs'));
  return ids.filter((id) => !id.startsWith('.')).sort().map((id) => `runs/${id}/run.json`);
}

/**
 * Reads and validates one run; throws ProofbookInputError (file, line, field) when it is bad. Synchronous, for
 * the evidence pages (why: src/site/routes/evidence/read-artifact.ts); its other callers read one run at a time.
 */
export function readRun(evaluationDir: string, rel: string): EvalRun {
  return parseJsonRun(readFileSync(path.join(evaluationDir, rel), 'utf8'), `evaluation/${rel}`);
}

/** Validates run.json text (pure; `file` is only for messages). */
export function parseJsonRun(text: string, file: string): EvalRun {
  return parseJsonFile<EvalRun>(EvalRunSchema, text, file, 'evaluation run');
}
