import path from 'node:path';
import { EvalRunSchema, type EvalRun } from '../schemas/eval-run.ts';
import { ProofbookInputError } from '../schemas/parse.ts';
import { MAX_EVIDENCE_JSON_BYTES, readInsideSync } from './inside-evaluation.ts';
import { parseJsonFile } from './json-file.ts';
import { listDirEntries } from './optional-file.ts';

/** Something in runs/ that is not a run folder: reported by the ingest and the build, never read. */
export interface StrayEntry {
  file: string;
  message: string;
}

/**
 * Run folders (`runs/<run-id>/run.json` paths relative to the evaluation dir) and whatever else sits in runs/.
 * In-progress `.tmp-*` runs and other hidden entries are skipped; a stray file is listed with the reason. A link
 * is listed like a folder: reading it checks where it leads (src/evidence/inside-evaluation.ts).
 */
export async function listRunEntries(evaluationDir: string): Promise<{ files: string[]; stray: StrayEntry[] }> {
  const entries = await listDirEntries(path.join(evaluationDir, 'runs'));
  const files: string[] = [];
  const stray: StrayEntry[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    if (entry.isDirectory() || entry.isSymbolicLink()) files.push(`runs/${entry.name}/run.json`);
    else stray.push({ file: `evaluation/runs/${entry.name}`, message: `evaluation/runs/${entry.name}: a stray file in runs/ (skipped); each run is a folder runs/<run-id>/ holding run.json` });
  }
  return { files: files.sort(), stray };
}

/** `runs/<run-id>/run.json` paths relative to the evaluation dir; in-progress `.tmp-*` runs and stray files are skipped. */
export async function listRunFiles(evaluationDir: string): Promise<string[]> {
  return (await listRunEntries(evaluationDir)).files;
}

/**
 * Reads and validates one run; throws ProofbookInputError (file, line, field) when it is bad, lies outside
 * evaluation/, or its folder is not named after it. Synchronous, for the evidence pages (why:
 * src/site/routes/evidence/read-artifact.ts); its other callers read one run at a time.
 */
export function readRun(evaluationDir: string, rel: string): EvalRun {
  const { bytes } = readInsideSync(evaluationDir, rel, { what: 'evaluation run', maxBytes: MAX_EVIDENCE_JSON_BYTES });
  return parseJsonRun(bytes.toString('utf8'), `evaluation/${rel}`);
}

/**
 * Validates run.json text (pure; `file` is only for messages). A run's identity is the `runId` inside it: when
 * `file` is `…/runs/<folder>/run.json` and the folder is named otherwise (a run copied under another name), the
 * run is refused, so it is reported and never counted twice (issue 25 item 11).
 */
export function parseJsonRun(text: string, file: string): EvalRun {
  const run = parseJsonFile<EvalRun>(EvalRunSchema, text, file, 'evaluation run');
  const folder = /(?:^|\/)runs\/([^/]+)\/run\.json$/.exec(file)?.[1];
  if (folder !== undefined && folder !== run.runId) {
    throw new ProofbookInputError(file, 'evaluation run', [{ path: 'runId', message: `the run is "${run.runId}" but its folder is runs/${folder}/; a copied or renamed run is not counted` }], `rename the folder to runs/${run.runId}/, or delete it if it is a copy`);
  }
  return run;
}
