// bench:probe — 50 MCP checks (initialize + initialized + tools/list + DELETE) through the probe engine at
// concurrency 10, against the bare undici floor, alternating A B A B in one process against one demo gateway.
// Prints medians and the ratio (target: engine ≤ 1.5× the floor, perf-anchors.md B.1). A figure, not a test.
// Usage: node bench/probe/run.ts [--pairs 5] [--checks 50] [--concurrency 10]
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runAndStore } from '../../src/probes/run.ts';
import { CheckSchema } from '../../src/schemas/check.ts';
import { GatewaySchema } from '../../src/schemas/gateway.ts';
import { runFloor } from './floor.ts';

const { values } = parseArgs({ options: { pairs: { type: 'string', default: '5' }, checks: { type: 'string', default: '50' }, concurrency: { type: 'string', default: '10' } } });
const pairs = Number(values.pairs);
const checks = Number(values.checks);
const concurrency = Number(values.concurrency);
const key = `sk-bench-${randomBytes(12).toString('hex')}`;

// The gateway runs in its own process, as a real one would: client and server do not share an event loop.
const gatewayProcess = spawn(process.execPath, ['scripts/demo-gateway.ts', '--quiet'], { env: { ...process.env, PROOFBOOK_DEMO_GATEWAY_KEY: key }, stdio: ['ignore', 'pipe', 'inherit'] });
const baseUrl = await new Promise<string>((resolve, reject) => {
  gatewayProcess.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString('utf8').trim()));
  gatewayProcess.once('exit', (code) => reject(new Error(`demo gateway exited with ${code}`)));
});
const evaluationDir = await mkdtemp(path.join(os.tmpdir(), 'proofbook-bench-'));

try {
  const gateway = GatewaySchema.parse({ schemaVersion: 1, name: 'bench', environments: { demo: { label: 'bench', baseUrl, keyEnv: 'BENCH_KEY', servers: ['mcp_filesystem'] } } });
  const mcpChecks = Array.from({ length: checks }, (_, i) => CheckSchema.parse({ id: `bench.mcp-${i + 1}`, title: 'bench', kind: 'mcp', expect: { minTools: 1 } }));
  const headers = { authorization: `Bearer ${key}`, 'x-mcp-servers': 'mcp_filesystem' };
  const engine = async () => {
    const start = performance.now();
    const { run } = await runAndStore({ gateway, checks: mcpChecks, environment: 'demo', origin: 'bench', concurrency, env: { BENCH_KEY: key }, evaluationDir });
    const elapsedMs = performance.now() - start;
    const bad = run.records.filter((r) => r.verdict !== 'pass');
    if (bad.length) throw new Error(`engine: ${bad.length} checks did not pass, e.g. ${bad[0]?.summary}`);
    return elapsedMs;
  };
  const floor = async () => {
    const result = await runFloor(`${baseUrl}/mcp/`, headers, checks, concurrency);
    if (result.errors) throw new Error(`floor: ${result.errors} exchanges failed`);
    return result.elapsedMs;
  };
  await engine(); // warm-up, uncounted
  await floor();
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < pairs; i++) {
    a.push(await engine());
    b.push(await floor());
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? NaN;
  const pairRatios = a.map((x, i) => x / (b[i] ?? NaN));
  const r = (x: number) => Math.round(x * 10) / 10;
  console.log(`probe engine vs bare undici floor: ${checks} MCP checks at concurrency ${concurrency}, ${pairs} A/B pairs (engine includes evidence + raw transcripts written to disk)`);
  console.log(`  engine  (A): median ${r(median(a))} ms  [${a.map(r).join(', ')}]`);
  console.log(`  floor   (B): median ${r(median(b))} ms  [${b.map(r).join(', ')}]`);
  console.log(`  ratio A/B  : ${(median(a) / median(b)).toFixed(2)}× (median of per-pair ratios ${median(pairRatios).toFixed(2)}×; target ≤ 1.5×)`);
} finally {
  gatewayProcess.kill('SIGTERM');
  await new Promise((resolve) => gatewayProcess.once('exit', resolve));
  await rm(evaluationDir, { recursive: true, force: true });
}
