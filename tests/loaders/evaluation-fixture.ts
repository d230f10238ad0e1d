import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { EvalRunInput } from '../../src/schemas/eval-run.ts';

/** A valid run with one record per check id, started at `startedAt`. */
export function makeRun(runId: string, startedAt: string, verdicts: Record<string, 'pass' | 'fail' | 'degraded' | 'error'>): EvalRunInput {
  const origin = runId.split('-').slice(1, -1).join('-');
  return {
    schemaVersion: 1,
    runId,
    origin,
    environment: 'demo',
    baseUrl: 'http://127.0.0.1:4000',
    toolVersion: '0.1.0',
    startedAt,
    finishedAt: startedAt,
    records: Object.entries(verdicts).map(([checkId, verdict]) => ({
      checkId,
      target: 'demo',
      origin,
      runId,
      startedAt,
      finishedAt: startedAt,
      verdict,
      failureClass: verdict === 'pass' ? null : 'http_status',
      summary: `${checkId} ${verdict}`,
      source: { type: 'probe', kind: 'http' },
    })),
  };
}

/** Writes `runs/<id>/run.json` (pretty JSON, as the probe store writes it). */
export async function writeRunFile(evaluationDir: string, run: EvalRunInput | Record<string, unknown>, id = String(run.runId)): Promise<string> {
  const dir = path.join(evaluationDir, 'runs', id);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'run.json');
  await writeFile(file, `${JSON.stringify(run, null, 2)}\n`);
  return file;
}

/** A temp project root with an empty `evaluation/` inside. */
export async function makeTempEvaluation(): Promise<{ root: string; evaluationDir: string }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'proofbook-ingest-'));
  const evaluationDir = path.join(root, 'evaluation');
  await mkdir(path.join(evaluationDir, 'runs'), { recursive: true });
  await mkdir(path.join(evaluationDir, 'imports'), { recursive: true });
  return { root, evaluationDir };
}
