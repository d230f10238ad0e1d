/**
 * Maps `fn` over `items` with at most `concurrency` calls in flight, keeping the results in input order, so
 * 10,000 evidence files never mean 10,000 open handles (Astro's glob loader uses 10). The first rejection
 * rejects the whole map.
 */
export async function mapLimit<T, R>(items: readonly T[], concurrency: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}
