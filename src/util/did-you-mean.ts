import { distance } from 'fastest-levenshtein';

/**
 * The known name closest to `input`, when it is close enough to be a typo (`freshnes` → `freshness`,
 * `http_header` → `http_headers`, `--onyl` → `--only`): at most a third of the longer name's letters differ.
 */
export function nearestName(input: string, known: Iterable<string>): string | undefined {
  let best: { name: string; cost: number } | undefined;
  const lower = input.toLowerCase();
  for (const name of known) {
    if (name === input) return undefined;
    const cost = distance(lower, name.toLowerCase());
    if (cost <= Math.max(1, Math.floor(Math.max(input.length, name.length) / 3)) && (!best || cost < best.cost)) best = { name, cost };
  }
  return best?.name;
}

/** ` — did you mean "x"?` when a known name is close to `input`, else an empty string. */
export function didYouMean(input: string, known: Iterable<string>, quote = (name: string) => `"${name}"`): string {
  const near = nearestName(input, known);
  return near === undefined ? '' : ` — did you mean ${quote(near)}?`;
}
