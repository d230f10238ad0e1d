// npm run ingest [-- --strict] [--json]: parses everything under evaluation/ (as the Astro loaders do),
// recomputes the daily history files, (re)writes missing or stale run summary sidecars, and reports counts
// and unparseable items.
import { parseArgs } from 'node:util';
import { updateHistory } from '../src/evidence/history.ts';
import { repairRunSummaries } from '../src/evidence/store.ts';
import { loadProjectConfig } from '../src/config/load.ts';
import { collectSecrets } from '../src/evidence/redact.ts';
import { resolveEvaluationDir } from '../src/evidence/evaluation-dir.ts';
import { scanEvaluation } from '../src/evidence/scan-evaluation.ts';
import { formatIngestReport, hasIngestProblems, summariseImports, type IngestReport } from '../src/ingest/report.ts';

const { values } = parseArgs({
  options: {
    strict: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    'evaluation-dir': { type: 'string' },
  },
});

const evaluationDir = values['evaluation-dir'] ?? resolveEvaluationDir(process.cwd());
// The values of the secret env vars content/gateway.yaml names are masked in every import; content/checks judges them.
const config = await loadProjectConfig(process.cwd());
const scan = await scanEvaluation(evaluationDir, collectSecrets(config.gateway, process.env), config.checks);
const runs = scan.runFiles.map((file) => file.run);
const history = await updateHistory(evaluationDir, runs);
const summariesWritten = (await repairRunSummaries(evaluationDir, scan.runFiles)).length;
const report: IngestReport = {
  evaluationDir,
  runs: { valid: runs.length, invalid: scan.problems.filter((p) => p.file.includes('/runs/')).length, records: runs.reduce((n, r) => n + r.records.length, 0), summariesWritten },
  ...summariseImports(scan.imports),
  history,
  invalid: scan.problems,
};
console.log(values.json ? JSON.stringify(report, null, 2) : formatIngestReport(report));
if (values.strict && hasIngestProblems(report)) {
  if (!values.json) console.error('ingest --strict: unparseable or invalid evidence (listed above)');
  process.exitCode = 1;
}
