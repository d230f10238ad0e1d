/**
 * `npm run capture-fixtures`: regenerates tests/captures/corpus/ from scratch with the real tools (curl, the MCP
 * Inspector CLI, the Codex CLI, nginx, MCP servers from npm), all on loopback. As root it re-runs itself inside a
 * fresh loopback-only network namespace (`unshare -n`), where the servers are started too; the one-time installs
 * (`apt-get install nginx`, `npm install`) happen outside it. Exit 0: every capture written; 1: a capture did not
 * show its scenario (listed, not written) or the run failed; 2: no loopback-only namespace could be had.
 */
import { spawnSync } from 'node:child_process';
import { defineCommand } from '../src/cli/command.ts';
import path from 'node:path';
import { isLoopbackOnly, isolatedArgv } from '../src/probes/codex-cli/isolated.ts';
import { formatReport, makeCorpus } from '../tests/captures/make/index.ts';

defineCommand({
  name: 'capture-fixtures',
  summary: 'Regenerate tests/captures/corpus/ from scratch with the real tools (curl, the MCP Inspector CLI, the Codex CLI, nginx, MCP servers), all on loopback, inside a loopback-only network namespace (run as root).',
  options: {},
  examples: ['npm run capture-fixtures'],
  exitCodes: ['0 every capture written', '1 a capture did not show its scenario, or the run failed', '2 no loopback-only namespace could be had'],
}).parse();
const root = path.resolve(import.meta.dirname, '..');

if (!isLoopbackOnly()) {
  if (process.getuid?.() !== 0) {
    console.error('capture-fixtures: needs a loopback-only network namespace (the Codex CLI reaches out on its own); run it as root so it can `unshare -n`');
    process.exit(2);
  }
  const [command, ...args] = isolatedArgv([process.execPath, ...process.argv.slice(1)], false);
  const child = spawnSync(command!, args, { stdio: 'inherit' });
  process.exit(child.status ?? 2);
}

const started = performance.now();
try {
  const report = await makeCorpus(root, path.join(root, 'tests/captures/corpus'));
  console.log(formatReport(report));
  const failed = report.results.filter((r) => r.problem);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`\n${report.results.length - failed.length} captures written to tests/captures/corpus/ in ${seconds} s${failed.length ? `; ${failed.length} did not show their scenario and were not written` : ''}`);
  process.exitCode = failed.length ? 1 : 0;
} catch (error) {
  console.error(`capture-fixtures: ${(error as Error).message}`);
  process.exitCode = 1;
}
