/** Reads `a.b[0].c` from a parsed JSON value. `found` is false when any step is missing. */
export function readJsonPath(value: unknown, path: string): { found: boolean; value: unknown } {
  const steps = path.match(/[^.[\]]+|\[\d+\]/g) ?? [];
  let current: unknown = value;
  for (const raw of steps) {
    const key: string | number = raw.startsWith('[') ? Number(raw.slice(1, -1)) : raw;
    if (current === null || typeof current !== 'object' || !(key in (current as object))) return { found: false, value: undefined };
    current = (current as Record<string | number, unknown>)[key];
  }
  return { found: true, value: current };
}

/** Parses a body as JSON, or says it is not JSON. */
export function parseJsonBody(body: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    // Not JSON is an answer too: JSON conditions then report "(not JSON)" as the actual value.
    return { ok: false };
  }
}
