/**
 * Issue 25 item 6: the demo gateway's heap must not grow with MCP exchanges. 1,500 exchanges (initialize →
 * notifications/initialized → tools/list) over real HTTP against the gateway in its own process; its heap after GC
 * may not grow by more than 8 MB after a warm-up of 250. Before the fix it grew ~55 MB per 1,000 (about 68 MB
 * here); with it, within 1 MB (figures: bench/README.md, "Soak").
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { soak, startSoakGateway, type SoakGateway } from '../../bench/demo-gateway/soak-client.ts';

const MAX_GROWTH_MB = 8;

let gateway: SoakGateway;
beforeAll(async () => {
  gateway = await startSoakGateway({ withDatabase: false });
});
afterAll(async () => {
  await gateway?.stop();
});

test(`1,500 MCP exchanges grow the gateway's heap after GC by less than ${MAX_GROWTH_MB} MB`, async () => {
  const samples = await soak(gateway, { exchanges: 1500, every: 250, concurrency: 4 });
  expect(samples.map((sample) => sample.exchanges)).toEqual([0, 250, 500, 750, 1000, 1250, 1500]);
  const warm = samples[1]!;
  const last = samples.at(-1)!;
  expect(last.heapUsedMb - warm.heapUsedMb, JSON.stringify(samples)).toBeLessThan(MAX_GROWTH_MB);
}, 180_000);
