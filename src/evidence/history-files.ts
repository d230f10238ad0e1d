import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DailyHistorySchema, type DailyHistory } from '../schemas/history.ts';
import { parseJsonFile } from './json-file.ts';
import { listDir } from './optional-file.ts';

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
