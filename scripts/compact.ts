// npm run compact -- --raw-days N [--history-days 366] [--dry-run] [--json]: deletes raw runs older
// than N days once their day's history file covers them; never rewrites history aggregates.
import { parseArgs } from 'node:util';
import { compactEvidence } from '../src/evidence/compact.ts';
import { resolveEvaluationDir } from '../src/evidence/evaluation-dir.ts';
import { attestCompaction } from '../src/evidence/step-manifests.ts';

const { values } = parseArgs({
  options: {
    'raw-days': { type: 'string' },
    'history-days': { type: 'string', default: '366' },
    'dry-run': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    'evaluation-dir': { type: 'string' },
  },
});

const rawDays = Number(values['raw-days']);
const historyDays = Number(values['history-days']);
if (!Number.isInteger(rawDays) || rawDays < 1 || !Number.isInteger(historyDays) || historyDays < rawDays) {
  console.error('usage: npm run compact -- --raw-days N [--history-days M] [--dry-run] [--json]\n  N ≥ 1 whole days of raw runs to keep; M ≥ N days of history (default 366)');
  process.exit(2);
}
const evaluationDir = values['evaluation-dir'] ?? resolveEvaluationDir(process.cwd());
const report = await compactEvidence({
  evaluationDir,
  rawDays,
  historyDays,
  now: new Date(),
  dryRun: values['dry-run'],
});
// What was removed on purpose goes into the chain, so verify-evidence does not read it as tampering.
const manifest = values['dry-run'] ? undefined : await attestCompaction(evaluationDir, report);
if (values.json) console.log(JSON.stringify(report, null, 2));
else {
  const verb = values['dry-run'] ? 'would delete' : 'deleted';
  console.log(`${verb} ${report.deletedRuns.length} raw runs; history written for ${report.historyWritten.length} days; ${report.droppedHistory.length} history files older than ${historyDays} days dropped`);
  for (const kept of report.keptDays) console.log(`kept raw runs of ${kept.date}: ${kept.reason}`);
  if (manifest) console.log(`manifest #${manifest.sequence} ${manifest.file} sha256:${manifest.sha256}`);
}
