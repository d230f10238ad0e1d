import path from 'node:path';
import { DailyHistorySchema, type DailyHistory } from '../schemas/history.ts';
import { MAX_EVIDENCE_JSON_BYTES, readInside } from './inside-evaluation.ts';
import { parseJsonFile } from './json-file.ts';
import { listDirEntries } from './optional-file.ts';
import type { StrayEntry } from './run-files.ts';

const HISTORY_NAME = /^\d{4}-\d{2}-\d{2}\.json$/;

/** History files, and the entries named like one that are not a file (a folder `2026-01-01.json`), with the reason. */
export async function listHistoryEntries(evaluationDir: string): Promise<{ files: string[]; stray: StrayEntry[] }> {
  const entries = (await listDirEntries(path.join(evaluationDir, 'history'))).filter((e) => HISTORY_NAME.test(e.name));
  const files = entries.filter((e) => e.isFile() || e.isSymbolicLink()).map((e) => `history/${e.name}`).sort();
  const stray = entries
    .filter((e) => !e.isFile() && !e.isSymbolicLink())
    .map((e) => ({ file: `evaluation/history/${e.name}`, message: `evaluation/history/${e.name}: named like a daily history file but is not a file (skipped)` }));
  return { files, stray };
}

/** `history/<yyyy-mm-dd>.json` paths relative to the evaluation dir (files only). */
export async function listHistoryFiles(evaluationDir: string): Promise<string[]> {
  return (await listHistoryEntries(evaluationDir)).files;
}

/** Validates history text (pure). */
export function parseJsonHistory(text: string, file: string): DailyHistory {
  return parseJsonFile<DailyHistory>(DailyHistorySchema, text, file, 'daily history');
}

/** Reads and validates one daily history file (never through a link out of evaluation/). */
export async function readHistory(evaluationDir: string, rel: string): Promise<DailyHistory> {
  const { bytes } = await readInside(evaluationDir, rel, { what: 'daily history', maxBytes: MAX_EVIDENCE_JSON_BYTES });
  return parseJsonHistory(bytes.toString('utf8'), `evaluation/${rel}`);
}
