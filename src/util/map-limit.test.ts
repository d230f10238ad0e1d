import { describe, expect, it } from 'vitest';
import { mapLimit } from './map-limit.ts';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('mapLimit', () => {
  it('keeps input order when later items finish first', async () => {
    const delays = [5, 1, 4, 0, 3];
    const out = await mapLimit(delays, 2, async (ticks) => {
      for (let i = 0; i < ticks; i++) await tick();
      return ticks * 10;
    });
    expect(out).toEqual([50, 10, 40, 0, 30]);
  });

  it('never has more than `concurrency` calls in flight, and keeps that many busy', async () => {
    let inFlight = 0;
    let peak = 0;
    await mapLimit(Array.from({ length: 40 }, (_, i) => i), 3, async (i) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      for (let t = 0; t < (i % 4) + 1; t++) await tick();
      inFlight--;
    });
    expect(peak).toBe(3);
  });

  it('handles an empty list and a limit above the item count', async () => {
    expect(await mapLimit([], 4, async () => 1)).toEqual([]);
    expect(await mapLimit(['a', 'b'], 32, async (s) => s.toUpperCase())).toEqual(['A', 'B']);
  });

  it('rejects with the first failure', async () => {
    await expect(mapLimit([1, 2, 3], 2, async (n) => {
      if (n === 2) throw new Error('item 2 failed');
      return n;
    })).rejects.toThrow('item 2 failed');
  });
});
