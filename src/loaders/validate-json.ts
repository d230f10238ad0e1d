import type { z } from 'astro/zod';

function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    // Not JSON: `locate` reports it with the file name and a hint, so the SyntaxError itself is not needed.
    return undefined;
  }
}

/**
 * Validates JSON evidence text with `schema`. The happy path is JSON.parse + safeParse; `locate` (e.g.
 * parseJsonRun) builds a JSON syntax tree to name the line and field, which costs ~7 ms per 200-record run,
 * so it runs only for text that failed and must throw the located error.
 */
export function validateJsonText<S extends z.ZodType>(schema: S, text: string, locate: (text: string) => unknown): z.output<S> {
  const result = schema.safeParse(parseJsonOrUndefined(text));
  if (result.success) return result.data;
  locate(text);
  throw new Error(`validation disagrees with its located re-check: ${result.error.message}`);
}
