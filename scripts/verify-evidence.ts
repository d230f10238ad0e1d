// `npm run verify-evidence [-- --evaluation-dir DIR] [--json] [--adopt --note "why"]`
// Checks the manifest chain in evaluation/manifests/ and every file it vouches for (src/evidence/verify-evidence.ts)
// and names the first step (run) or file where the evidence stops being what was written. With --adopt, first
// writes a manifest vouching for the files that have none (runs merged from other machines, evidence older than
// manifests), with the operator's note. Exit codes: 0 intact, 1 a break (all listed, oldest first), 2 bad usage.
import { defineCommand } from '../src/cli/command.ts';
import { resolveEvaluationDir } from '../src/evidence/evaluation-dir.ts';
import { adoptFiles } from '../src/evidence/step-manifests.ts';
import { verifyEvidence } from '../src/evidence/verify-evidence.ts';

const { values } = defineCommand({
  name: 'verify-evidence',
  summary: 'Check the manifest chain in evaluation/manifests/ and every file it vouches for; name the first step or file where the evidence stops being what was written.',
  options: {
    'evaluation-dir': { type: 'string', value: 'dir', description: 'evidence store (default: evaluation/)' },
    json: { type: 'boolean', default: false, description: 'print the report as JSON' },
    adopt: { type: 'boolean', default: false, description: 'first vouch for the files no manifest covers (needs --note)' },
    note: { type: 'string', value: 'why', description: 'with --adopt: why those files are trusted (kept in the chain)' },
  },
  examples: ['npm run verify-evidence', 'npm run verify-evidence -- --adopt --note "runs merged from the lan-host runner"'],
  exitCodes: ['0 intact', '1 a break (all listed, oldest first)', '2 bad usage'],
}).parse();
if (values.adopt && !values.note?.trim()) {
  console.error('--adopt needs --note "…": say why the files without a manifest are trusted (it is kept in the chain)');
  process.exit(2);
}
const evaluationDir = values['evaluation-dir'] ?? resolveEvaluationDir(process.cwd());
if (values.adopt) {
  const adopted = await adoptFiles(evaluationDir, values.note!.trim());
  console.error(adopted.head ? `adopted ${adopted.files.length} files in manifest #${adopted.head.sequence} ${adopted.head.file}` : 'nothing to adopt: every file is in a manifest');
}
const report = await verifyEvidence(evaluationDir);
if (values.json) console.log(JSON.stringify(report, null, 2));
else {
  const head = report.head ? `head #${report.head.sequence} sha256:${report.head.sha256} (${report.head.runId})` : 'no chain yet';
  console.log(`evidence chain: ${report.manifests} manifests, ${report.files} files checked; ${head}`);
  if (report.problems.length === 0) console.log('OK: every file is as its manifest recorded, and every manifest is linked');
  else {
    console.log(`BROKEN: ${report.problems[0]!.message}`);
    if (report.problems.length > 1) {
      console.log(`${report.problems.length} problems in all, oldest step first:`);
      for (const problem of report.problems) console.log(`  - ${problem.message}`);
    }
  }
}
process.exitCode = report.problems.length === 0 ? 0 : 1;
