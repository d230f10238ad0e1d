import { z } from 'astro/zod';

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/**
 * A duration written for humans: a number and a unit (`ms`, `s`, `m`, `h`, `d`), parsed to milliseconds.
 * @example '6h'
 */
export const DurationSchema = z
  .union([z.number().int().nonnegative(), z.string()])
  .transform((value, ctx) => {
    if (typeof value === 'number') return value;
    const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)$/.exec(value.trim());
    if (!match) {
      ctx.issues.push({
        code: 'custom',
        input: value,
        message: `Expected a duration such as "500ms", "30s", "15m", "6h" or "2d", received "${value}"`,
      });
      return z.NEVER;
    }
    return Math.round(Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS]);
  });

export type DurationInput = z.input<typeof DurationSchema>;
