// Makes the capture corpus from scratch: starts the loopback servers and the nginx gate, runs every family of
// captures (curl, MCP Inspector CLI, Codex CLI), writes tests/captures/corpus/ and returns the table of results.
// Must run inside a loopback-only network namespace (scripts/capture-fixtures.ts re-executes itself there).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { isLoopbackOnly } from '../../../src/probes/codex-cli/isolated.ts';
import { captureCodex } from './codex.ts';
import type { CaptureContext, CaptureResult, ToolName } from './corpus-writer.ts';
import { captureEverythingCurl } from './curl-everything.ts';
import { captureGateCurl, captureUpstreamUp } from './curl-gate.ts';
import { captureJsonModeCurl } from './curl-json-mode.ts';
import { captureNetworkCurl } from './curl-network.ts';
import { captureStreams } from './curl-streams.ts';
import { captureInspector } from './inspector.ts';
import { nginxVersion, startGate } from './nginx-gate.ts';
import { PORTS } from './ports.ts';
import { startService, type Service } from './process.ts';
import { startSilentListener } from './servers/silent-listener.ts';

/** Fixed so that paths Codex prints (CODEX_HOME, cwd) are the same on every regeneration. */
export const WORK_DIR = '/tmp/proofbook-captures';
/** Throwaway keys for the gates: not secrets, and never written into a capture. */
const KEY = 'sk-capture-fixture-0000';
const WRONG_KEY = 'sk-capture-wrong-0000';

function packageVersion(repoRoot: string, name: string): string {
  const file = path.join(repoRoot, 'node_modules', name, 'package.json');
  if (!existsSync(file)) throw new Error(`${name} is not installed; run npm install once, outside the namespace`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/** Each tool's version as the tool itself reports it. */
function toolVersions(bins: Record<ToolName, string>, env: NodeJS.ProcessEnv): Record<ToolName, string> {
  const ask = (bin: string, pattern: RegExp): string => {
    const out = spawnSync(bin, ['--version'], { env, encoding: 'utf8', timeout: 30_000 });
    const version = pattern.exec(`${out.stdout}`)?.[1];
    if (!version) throw new Error(`could not read the version of ${bin}: ${out.stdout}${out.stderr}`);
    return version;
  };
  return { curl: ask(bins.curl, /^curl (\S+)/), 'mcp-inspector-cli': ask(bins['mcp-inspector-cli'], /^(\d\S*)/m), 'codex-cli': ask(bins['codex-cli'], /codex-cli (\S+)/) };
}

async function startServers(ctx: CaptureContext): Promise<Service[]> {
  const node = process.execPath;
  const servers = path.join(ctx.repoRoot, 'tests/captures/make/servers');
  const opts = { env: ctx.baseEnv, cwd: ctx.repoRoot };
  const started: Service[] = [];
  const start = async (name: string, argv: string[], port: number, env: NodeJS.ProcessEnv = ctx.baseEnv) => {
    started.push(await startService(name, argv, port, { ...opts, env }));
  };
  try {
    await start('server-everything', [node, 'node_modules/@modelcontextprotocol/server-everything/dist/index.js', 'streamableHttp'], PORTS.everything, { ...ctx.baseEnv, PORT: String(PORTS.everything) });
    await start('json-page-server', [node, path.join(servers, 'json-page-server.ts'), String(PORTS.json)], PORTS.json);
    await start('json-page-server (stopped for the 502)', [node, path.join(servers, 'json-page-server.ts'), String(PORTS.jsonDown)], PORTS.jsonDown);
    await start('json-page-server (keep-alive off)', [node, path.join(servers, 'json-page-server.ts'), String(PORTS.jsonSilentStream), '0'], PORTS.jsonSilentStream);
    await start('ping-sse-server', [node, path.join(servers, 'ping-sse-server.ts'), String(PORTS.pings)], PORTS.pings);
    started.push(await startGate(path.join(WORK_DIR, 'nginx'), ctx.key, ctx.baseEnv));
    const silent = await startSilentListener(PORTS.silent);
    started.push({ name: 'silent listener', stop: silent.close, log: () => '' });
    return started;
  } catch (error) {
    await Promise.all(started.map((s) => s.stop()));
    throw error;
  }
}

/** Runs every family; the 502 captures need the /down upstream stopped, so that happens first. */
async function runFamilies(ctx: CaptureContext, services: Service[]): Promise<void> {
  await captureUpstreamUp(ctx);
  await services.find((s) => s.name.includes('stopped for the 502'))!.stop();
  const posts = async () => {
    await captureEverythingCurl(ctx);
    await captureJsonModeCurl(ctx);
    await captureGateCurl(ctx);
    await captureNetworkCurl(ctx);
  };
  await Promise.all([captureStreams(ctx), posts(), captureInspector(ctx), captureCodex(ctx, WORK_DIR)]);
}

/** What a regeneration made: one row per capture (problems included) and the versions it ran. */
export interface CorpusReport {
  results: CaptureResult[];
  versions: CaptureContext['versions'];
  servers: CaptureContext['servers'];
}

/** Wipes `corpusDir`, makes every capture into it and reports what it made. */
export async function makeCorpus(repoRoot: string, corpusDir: string): Promise<CorpusReport> {
  // Codex reaches out on its own and the DNS captures must fail for want of any resolver: never outside.
  if (!isLoopbackOnly()) throw new Error('makeCorpus runs only inside a loopback-only network namespace (npm run capture-fixtures enters one)');
  await rm(corpusDir, { recursive: true, force: true });
  await rm(WORK_DIR, { recursive: true, force: true });
  await mkdir(path.join(WORK_DIR, 'home'), { recursive: true });
  const baseEnv: NodeJS.ProcessEnv = {
    PATH: `${path.join(repoRoot, 'node_modules/.bin')}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`,
    HOME: path.join(WORK_DIR, 'home'),
    LANG: 'C.UTF-8',
    NO_COLOR: '1',
  };
  const bins: Record<ToolName, string> = { curl: '/usr/bin/curl', 'mcp-inspector-cli': path.join(repoRoot, 'node_modules/.bin/mcp-inspector'), 'codex-cli': path.join(repoRoot, 'node_modules/.bin/codex') };
  const ctx: CaptureContext = {
    corpusDir,
    repoRoot,
    key: KEY,
    wrongKey: WRONG_KEY,
    versions: toolVersions(bins, baseEnv),
    servers: { everything: packageVersion(repoRoot, '@modelcontextprotocol/server-everything'), sdk: packageVersion(repoRoot, '@modelcontextprotocol/sdk'), nginx: nginxVersion(baseEnv) },
    bins,
    baseEnv,
    results: [],
  };
  const services = await startServers(ctx);
  try {
    await runFamilies(ctx, services);
  } finally {
    await Promise.all(services.map((s) => s.stop()));
  }
  return { results: ctx.results.sort((a, b) => a.folder.localeCompare(b.folder)), versions: ctx.versions, servers: ctx.servers };
}

/** The table printed at the end: the versions, then one line per capture. */
export function formatReport({ results, versions, servers }: CorpusReport): string {
  const tools = Object.entries(versions).map(([name, version]) => `${name} ${version}`).join(', ');
  return `tools: ${tools}; servers: server-everything ${servers.everything}, @modelcontextprotocol/sdk ${servers.sdk}, nginx ${servers.nginx}\n\n${formatResults(results)}`;
}

function formatResults(results: readonly CaptureResult[]): string {
  const rows = [['capture', 'tool', 'exit', 'ms', 'expected'], ...results.map((r) => [r.folder, r.tool, r.exit, String(r.durationMs), r.problem ? `NOT WRITTEN: ${r.problem}` : r.expected])];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')).join('\n');
}
