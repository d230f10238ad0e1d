// bench:soak — MCP exchanges (initialize → notifications/initialized → tools/list, both upstreams in scope) against
// one demo gateway in its own process, over real HTTP on loopback; prints the gateway's heap after GC before the
// first exchange, after every batch and at the end, and exchanges per second. A figure, not a test (the regression
// test is tests/demo-gateway/memory-soak.test.ts). Issue 25 item 6: the heap went 19 → 90 → 150 MB per 1,200.
// Usage: node bench/demo-gateway/soak.ts [--exchanges 5000] [--every 500] [--concurrency 4] [--no-db]
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { soak, startSoakGateway } from './soak-client.ts';

const { values } = parseArgs({
  options: {
    exchanges: { type: 'string', default: '5000' },
    every: { type: 'string', default: '500' },
    concurrency: { type: 'string', default: '4' },
    'no-db': { type: 'boolean', default: false },
  },
  strict: true,
});
const positive = (raw: string, flag: string): number => {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${flag}: expected a positive integer, received "${raw}"`);
  return value;
};
const exchanges = positive(values.exchanges, '--exchanges');
const every = positive(values.every, '--every');
const concurrency = positive(values.concurrency, '--concurrency');

const gateway = await startSoakGateway({ withDatabase: !values['no-db'] });
console.log(`soak: ${exchanges} MCP exchanges at concurrency ${concurrency} against ${gateway.url}/mcp/ (heap after GC of the gateway process)`);
console.log('  exchanges  heap MB  rss MB  exchanges/s');
const started = performance.now();
let samples;
try {
  samples = await soak(gateway, {
    exchanges,
    every,
    concurrency,
    onSample: (s) => console.log(`  ${String(s.exchanges).padStart(9)}  ${s.heapUsedMb.toFixed(1).padStart(7)}  ${s.rssMb.toFixed(1).padStart(6)}  ${s.perSecond ? String(s.perSecond).padStart(11) : '          -'}`),
  });
} finally {
  await gateway.stop();
}
const seconds = (performance.now() - started) / 1000;
const first = samples[0]!;
const warm = samples[1] ?? first;
const last = samples.at(-1)!;
const perThousand = last.exchanges > warm.exchanges ? ((last.heapUsedMb - warm.heapUsedMb) / (last.exchanges - warm.exchanges)) * 1000 : 0;
console.log(`heap after GC: ${first.heapUsedMb} MB at the start, ${warm.heapUsedMb} MB after ${warm.exchanges} (warm), ${last.heapUsedMb} MB at the end`);
console.log(`growth after warm-up: ${(last.heapUsedMb - warm.heapUsedMb).toFixed(1)} MB over ${last.exchanges - warm.exchanges} exchanges (${perThousand.toFixed(2)} MB per 1,000)`);
console.log(`throughput: ${Math.round(exchanges / seconds)} exchanges/s overall (${(seconds).toFixed(1)} s, GC pauses included)`);

const resultsDir = path.join('bench', 'results');
await mkdir(resultsDir, { recursive: true });
const file = path.join(resultsDir, `soak-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
await writeFile(file, `${JSON.stringify({ exchanges, every, concurrency, withDatabase: !values['no-db'], seconds, samples }, null, 2)}\n`);
console.log(`samples: ${file}`);
