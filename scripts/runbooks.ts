// `npm run runbooks -- --env internal --origin lan-host [--base-url URL] [--only block…] [--junit file] [--json]
//   [--concurrency N] [--evaluation-dir DIR] [--no-write] [--list]`
// Executes every `run=ci` block of the docs (content/docs) against one environment and stores one run with one
// record per block. Exit codes: 0 every block passed (or is an expected failure), 1 a block failed, 2 a bad block
// or bad configuration (the file, line and fence are named).
import path from 'node:path';
import { defineCommand } from '../src/cli/command.ts';
import { loadBaseline } from '../src/config/baseline-file.ts';
import { loadGateway } from '../src/config/gateway-file.ts';
import { resolveEvaluationDir } from '../src/evidence/evaluation-dir.ts';
import { collectSecrets, redactText } from '../src/evidence/redact.ts';
import { writeFileAtomic } from '../src/evidence/store.ts';
import { exitCodeFor, formatJunit, formatResultLine, formatSummary } from '../src/probes/report.ts';
import { readRunbookBlocks } from '../src/runbooks/docs-pages.ts';
import { runRunbooks } from '../src/runbooks/run.ts';
import { ProofbookInputError } from '../src/schemas/parse.ts';
import { markExpectedFailures } from '../src/status/baseline.ts';

const { values, positionals } = defineCommand({
  name: 'runbooks',
  summary: "Execute every `run=ci` block of the docs (content/docs) against one environment and store one run with one record per block.",
  positionals: '[block…]',
  options: {
    env: { type: 'string', value: 'id', description: 'environment in content/gateway.yaml (default: its defaultEnvironment)' },
    origin: { type: 'string', value: 'id', default: process.env.PROOFBOOK_ORIGIN ?? 'local', description: 'where this run happens, recorded in every record (env PROOFBOOK_ORIGIN)' },
    'base-url': { type: 'string', value: 'URL', description: "run against this URL instead of the environment's baseUrl" },
    only: { type: 'string', multiple: true, value: 'block,…', description: 'only these block ids; also as words after the flags' },
    junit: { type: 'string', value: 'file', description: 'also write JUnit XML for CI' },
    json: { type: 'boolean', default: false, description: 'print the run as JSON on stdout' },
    concurrency: { type: 'string', value: 'N', default: '4', description: 'blocks in flight at once' },
    'evaluation-dir': { type: 'string', value: 'dir', description: 'evidence store (default: evaluation/)' },
    'no-write': { type: 'boolean', default: false, description: 'print the results but write nothing' },
    list: { type: 'boolean', default: false, description: 'list the blocks (run=ci and run=manual) and exit' },
  },
  examples: ['npm run runbooks -- --list', 'npm run runbooks -- --env internal --origin lan-host', 'npm run runbooks -- --env demo --base-url http://127.0.0.1:4000 --no-write'],
  exitCodes: ['0 every block passed (or is an expected failure)', '1 a block failed', '2 a bad block or bad configuration (the file, line and fence are named)'],
}).parse();

const root = process.cwd();
let secrets: ReturnType<typeof collectSecrets> = [];
try {
  const [gateway, baseline, blocks] = await Promise.all([loadGateway(root), loadBaseline(root), readRunbookBlocks(root)]);
  if (values.list) {
    for (const block of blocks) console.log(`${block.run.padEnd(6)} ${block.blockId}  ${block.file}:${block.line}  timeout ${block.timeoutMs} ms, maxAge ${block.maxAgeMs} ms${block.expected !== undefined ? ', expects output' : ''}`);
    process.exit(0);
  }
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new ProofbookInputError('--concurrency', 'command line', [{ path: 'concurrency', message: `Expected a positive integer, received "${values.concurrency}"` }]);
  const only = [...(values.only ?? []).flatMap((v) => v.split(',')), ...positionals].filter(Boolean);
  secrets = collectSecrets(gateway, process.env);
  const tty = Boolean(process.stdout.isTTY) && !process.env.CI;
  const progress = values.json ? process.stderr : process.stdout;
  const environment = values.env ?? gateway.defaultEnvironment ?? Object.keys(gateway.environments)[0] ?? '';
  const { run, dir, manual } = await runRunbooks({
    root, gateway, blocks, environment, origin: values.origin, ...(values['base-url'] ? { baseUrl: values['base-url'] } : {}), only, concurrency,
    env: process.env, evaluationDir: path.resolve(values['evaluation-dir'] ?? resolveEvaluationDir(root)), write: !values['no-write'],
    onResult: (record, done, total) => {
      const [judged] = markExpectedFailures([record], baseline);
      progress.write(`${redactText(formatResultLine(judged, { tty, done, total }), secrets)}\n`);
    },
  });
  const judged = { ...run, records: markExpectedFailures(run.records, baseline) };
  progress.write(`${redactText(formatSummary(judged, dir ? path.relative(root, dir) || dir : undefined), secrets).replace(/ checks against /, ' runbook blocks against ')}\n`);
  if (manual.length > 0) progress.write(`${manual.length} run=manual blocks listed, never executed\n`);
  if (values.junit) await writeFileAtomic(path.resolve(values.junit), redactText(formatJunit(judged), secrets));
  if (values.json) process.stdout.write(`${redactText(JSON.stringify(run, null, 2), secrets)}\n`);
  process.exitCode = exitCodeFor(judged);
} catch (error) {
  const isConfig = error instanceof ProofbookInputError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${redactText(message, secrets)}\n`);
  process.exitCode = isConfig ? 2 : 1;
}
