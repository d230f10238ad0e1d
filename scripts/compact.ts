// npm run compact -- --raw-days N [--history-days 366] [--dry-run] [--json]: deletes raw runs older
// than N days once their day's history file covers them; never rewrites history aggregates.
import { defineCommand } from '../src/cli/command.ts';
import { compactEvidence } from '../src/evidence/compact.ts';
import { resolveEvaluationDir } from '../src/evidence/evaluation-dir.ts';
import { attestCompaction } from '../src/evidence/step-manifests.ts';

const command = defineCommand({
  name: 'compact',
  summary: "Delete raw runs older than N days once their day's history file covers them; history older than M days is dropped.",
  options: {
    'raw-days': { type: 'string', value: 'N', description: 'whole days of raw runs to keep (required, ≥ 1)' },
    'history-days': { type: 'string', value: 'M', default: '366', description: 'days of daily history to keep (≥ N)' },
    'dry-run': { type: 'boolean', default: false, description: 'say what would be deleted, delete nothing' },
    json: { type: 'boolean', default: false, description: 'print the report as JSON' },
    'evaluation-dir': { type: 'string', value: 'dir', description: 'evidence store (default: evaluation/)' },
  },
  examples: ['npm run compact -- --raw-days 14', 'npm run compact -- --raw-days 14 --history-days 400 --dry-run'],
  exitCodes: ['0 done', '2 a usage error'],
});
const { values } = command.parse();

const rawDays = Number(values['raw-days']);
const historyDays = Number(values['history-days']);
if (!Number.isInteger(rawDays) || rawDays < 1 || !Number.isInteger(historyDays) || historyDays < rawDays) {
  console.error(`compact: --raw-days N is required (N ≥ 1 whole days), and --history-days M must be ≥ N\n\n${command.help()}`);
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
