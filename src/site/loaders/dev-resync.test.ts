import { expect, test, vi } from 'vitest';
import { afterQuiet, oneAtATime } from './dev-resync.ts';

test('calls during a run never overlap it, and the last call is always followed by a whole run', async () => {
  const log: string[] = [];
  let inFlight = 0;
  let version = 0;
  const sync = oneAtATime(async () => {
    inFlight++;
    expect(inFlight).toBe(1);
    const seen = version;
    await new Promise((resolve) => setTimeout(resolve, 5));
    log.push(`read ${seen}`);
    inFlight--;
  });
  const first = sync();
  version = 1;
  void sync(); // during the first run: one more run after it
  version = 2;
  void sync(); // coalesced with the one before
  await first;
  await sync(); // idle again: a run of its own
  expect(log).toEqual(['read 0', 'read 2', 'read 2']);
});

test('a failing run does not stop later ones', async () => {
  let calls = 0;
  const sync = oneAtATime(async () => {
    calls++;
    if (calls === 1) throw new Error('boom');
  });
  await expect(sync()).rejects.toThrow('boom');
  await sync();
  expect(calls).toBe(2);
});

test('afterQuiet runs once, after the last of a burst of calls', () => {
  vi.useFakeTimers();
  try {
    let runs = 0;
    const soon = afterQuiet(() => runs++, 150);
    soon(); // the truncate
    vi.advanceTimersByTime(100);
    soon(); // the write
    vi.advanceTimersByTime(149);
    expect(runs).toBe(0);
    vi.advanceTimersByTime(1);
    expect(runs).toBe(1);
  } finally {
    vi.useRealTimers();
  }
});
