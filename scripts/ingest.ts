// npm run ingest [-- --strict] [--json]: parses everything under evaluation/ (as the Astro loaders do),
// recomputes the daily history files, (re)writes missing or stale run summary sidecars, writes the batch's
// manifest (evaluation/manifests/), and reports counts and unparseable items.
import { defineCommand } from '../src/cli/command.ts';
import { updateHistory } from '../src/evidence/history.ts';
import { attestIngest } from '../src/evidence/step-manifests.ts';
import { repairRunSummaries } from '../src/evidence/store.ts';
import { loadProjectConfig } from '../src/config/load.ts';
import { collectSecrets } from '../src/evidence/redact.ts';
import { resolveEvaluationDir } from '../src/evidence/evaluation-dir.ts';
import { scanEvaluation } from '../src/evidence/scan-evaluation.ts';
import { sweepAtomicTemps } from '../src/evidence/sweep-leftovers.ts';
import { formatIngestReport, hasIngestProblems, summariseImports, type IngestReport } from '../src/ingest/report.ts';

const { values } = defineCommand({
  name: 'ingest',
  summary: 'Parse every run and imported log under evaluation/, update the daily history files and report what could not be read.',
  options: {
    strict: { type: 'boolean', default: false, description: 'exit 1 when an artifact is unparseable or a run invalid (CI)' },
    json: { type: 'boolean', default: false, description: 'print the report as JSON' },
    'evaluation-dir': { type: 'string', value: 'dir', description: 'evidence store (default: evaluation/)' },
  },
  examples: ['npm run ingest', 'npm run ingest -- --strict --json > ingest.json'],
  exitCodes: ['0 done (unparseable artifacts are listed)', '1 under --strict, when something could not be read', '2 a usage or configuration error'],
}).parse();

const evaluationDir = values['evaluation-dir'] ?? resolveEvaluationDir(process.cwd());
const leftoversRemoved = await sweepAtomicTemps(evaluationDir);
// The values of the secret env vars content/gateway.yaml names are masked in every import; content/checks judges them.
const config = await loadProjectConfig(process.cwd());
const scan = await scanEvaluation(evaluationDir, collectSecrets(config.gateway, process.env), config.checks);
const runs = scan.runFiles.map((file) => file.run);
const history = await updateHistory(evaluationDir, runs);
const summariesWritten = (await repairRunSummaries(evaluationDir, scan.runFiles)).length;
// The import batch's manifest: the history written and the imported logs as read, chained to the evidence before.
const manifest = await attestIngest(evaluationDir, history.written);
const report: IngestReport = {
  evaluationDir,
  runs: { valid: runs.length, invalid: scan.problems.filter((p) => p.file.includes('/runs/')).length, records: runs.reduce((n, r) => n + r.records.length, 0), summariesWritten },
  ...summariseImports(scan.imports),
  history,
  invalid: scan.problems,
  ...(leftoversRemoved.length ? { leftoversRemoved } : {}),
};
console.log(values.json ? JSON.stringify(report, null, 2) : formatIngestReport(report));
if (!values.json) console.log(manifest ? `manifest #${manifest.sequence} ${manifest.file} sha256:${manifest.sha256}` : 'manifest: nothing new to attest');
if (values.strict && hasIngestProblems(report)) {
  if (!values.json) console.error('ingest --strict: unparseable or invalid evidence (listed above)');
  process.exitCode = 1;
}
