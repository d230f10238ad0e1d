// `npm run probe -- --env internal --origin lan-host [--base-url URL] [--only id…] [--junit file] [--json]
//   [--concurrency N] [--evaluation-dir DIR] [--deadline 5m] [--no-write]`
// Exit codes: 0 every check passed, is degraded or is an expected failure (content/baseline.yaml), 1 a check
// failed or errored, 2 configuration error.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadBaseline } from '../src/config/baseline-file.ts';
import { loadProjectConfig } from '../src/config/load.ts';
import { collectSecrets, redactText } from '../src/evidence/redact.ts';
import { resolveEvaluationDir } from '../src/evidence/evaluation-dir.ts';
import { writeFileAtomic } from '../src/evidence/store.ts';
import { escapeControl, exitCodeFor, formatJunit, formatResultLine, formatSummary } from '../src/probes/report.ts';
import { runAndStore } from '../src/probes/run.ts';
import { DurationSchema } from '../src/schemas/duration.ts';
import { OriginSchema } from '../src/schemas/evidence.ts';
import { ProofbookInputError } from '../src/schemas/parse.ts';
import { markExpectedFailures } from '../src/status/baseline.ts';

const root = process.cwd();
let secrets: ReturnType<typeof collectSecrets> = [];
try {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      env: { type: 'string' },
      origin: { type: 'string', default: process.env.PROOFBOOK_ORIGIN ?? 'local' },
      'base-url': { type: 'string' },
      only: { type: 'string', multiple: true },
      junit: { type: 'string' },
      json: { type: 'boolean', default: false },
      concurrency: { type: 'string', default: '3' },
      'evaluation-dir': { type: 'string' },
      evaluation: { type: 'string' }, // the earlier spelling of --evaluation-dir
      deadline: { type: 'string', default: '5m' },
      'no-write': { type: 'boolean', default: false },
      'traefik-api': { type: 'string' },
    },
  });
  // Validated before anything is read or probed: the origin names every record and the run's folder.
  const origin = OriginSchema.safeParse(values.origin);
  if (!origin.success) throw new ProofbookInputError('--origin', 'command line', [{ path: 'origin', message: `${origin.error.issues[0]?.message ?? 'invalid'}, received "${escapeControl(values.origin)}"` }], 'lowercase letters, digits and "-", starting with a letter or digit');
  const [config, baseline] = await Promise.all([loadProjectConfig(root), loadBaseline(root)]);
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new ProofbookInputError('--concurrency', 'command line', [{ path: 'concurrency', message: `Expected a positive integer, received "${values.concurrency}"` }]);
  const deadline = DurationSchema.safeParse(values.deadline);
  if (!deadline.success) throw new ProofbookInputError('--deadline', 'command line', [{ path: 'deadline', message: deadline.error.issues[0]?.message ?? 'invalid' }]);
  // --only takes ids separated by commas, repeated, or as the words that follow it.
  const only = [...(values.only ?? []).flatMap((v) => v.split(',')), ...positionals].filter(Boolean);
  secrets = collectSecrets(config.gateway, process.env);
  const tty = Boolean(process.stdout.isTTY) && !process.env.CI;
  const progress = values.json ? process.stderr : process.stdout;
  const environment = values.env ?? config.gateway.defaultEnvironment ?? Object.keys(config.gateway.environments)[0] ?? '';
  const { run: stored, dir } = await runAndStore({
    gateway: config.gateway, checks: config.checks, environment, origin: values.origin, ...(values['base-url'] ? { baseUrl: values['base-url'] } : {}),
    only, concurrency, env: process.env, ...(values['traefik-api'] ? { traefikApiUrl: values['traefik-api'] } : {}), evaluationDir: path.resolve(values['evaluation-dir'] ?? values.evaluation ?? resolveEvaluationDir(root)), write: !values['no-write'], runDeadlineMs: deadline.data,
    onResult: (record, done, total) => {
      const [judged] = markExpectedFailures([record], baseline);
      progress.write(`${redactText(formatResultLine(judged, { tty, done, total }), secrets)}\n`);
    },
  });
  // CI judges the run with the baseline applied; run.json keeps the raw verdicts.
  const judged = { ...stored, records: markExpectedFailures(stored.records, baseline) };
  progress.write(`${redactText(formatSummary(judged, dir ? path.relative(root, dir) || dir : undefined), secrets)}\n`);
  if (values.junit) await writeFileAtomic(path.resolve(values.junit), redactText(formatJunit(judged), secrets));
  if (values.json) process.stdout.write(`${redactText(JSON.stringify(stored, null, 2), secrets)}\n`);
  process.exitCode = exitCodeFor(judged);
} catch (error) {
  const isConfig = error instanceof ProofbookInputError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${redactText(message, secrets).split('\n').map(escapeControl).join('\n')}\n`);
  process.exitCode = isConfig ? 2 : 1;
}
