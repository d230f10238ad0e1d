/**
 * Scrub rules for runbook output (issue 29 §4): the values that change on every run (timestamps, ids, durations,
 * ports, temp paths, the gateway's own URL) become placeholders before output is compared with what a block
 * expects, so expected output stays stable without hiding what matters. Documented, rule by rule, in
 * content/docs/reference/runbook-blocks.md; keep the two in step.
 */

/** One rule: what it replaces and with what. Applied in order; earlier rules see the raw text. */
export interface ScrubRule {
  name: string;
  pattern: RegExp;
  replacement: string;
  /** One line for the reference page. */
  description: string;
}

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const WEEKDAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';

/** The rules after the gateway URL, in the order they apply. */
export const SCRUB_RULES: readonly ScrubRule[] = [
  {
    name: 'ansi',
    pattern: /\x1b\[[0-9;?]*[A-Za-z]/g,
    replacement: '',
    description: 'terminal colour and cursor codes are removed',
  },
  {
    name: 'tmp',
    pattern: /(?:\/[\w.-]+)*\/(?:proofbook-block-[\w]+|tmp\.[A-Za-z0-9]{6,})(?=[/\s'"]|$)/gm,
    replacement: '<tmp>',
    description: "the block's temporary home directory and `mktemp` paths become `<tmp>`",
  },
  {
    name: 'ts',
    pattern: new RegExp(
      `\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?|${WEEKDAY}, \\d{2} ${MONTH} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT`,
      'g',
    ),
    replacement: '<ts>',
    description: 'ISO 8601 times (`2025-09-18T07:50:03.123Z`, `2025-09-18 07:50:03+00:00`) and HTTP dates become `<ts>`',
  },
  {
    name: 'uuid',
    pattern: /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi,
    replacement: '<uuid>',
    description: 'UUIDs (session ids, request ids) become `<uuid>`',
  },
  {
    name: 'hex',
    pattern: /\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{16,}\b/gi,
    replacement: '<hex>',
    description: 'hex ids of 16 characters or more (hashes, trace ids) become `<hex>`',
  },
  {
    name: 'port',
    pattern: /(:\/\/[^/\s:@]+|\b127\.0\.0\.1|\blocalhost|\[::1\]):\d{1,5}\b/g,
    replacement: '$1:<port>',
    description: 'the port after a URL host, `127.0.0.1`, `localhost` or `[::1]` becomes `<port>`',
  },
  {
    name: 'duration',
    pattern: /\b\d+(?:\.\d+)?\s?(?:ms|µs|us|s)\b/g,
    replacement: '<duration>',
    description: 'durations such as `12 ms`, `0.35s` or `15 s` become `<duration>`',
  },
];

/** What a scrub needs to know about the run beyond the text. */
export interface ScrubContext {
  /** The URL the block ran against (`$GATEWAY_URL`): it becomes the literal `$GATEWAY_URL`. */
  baseUrl?: string;
}

/** Output with every volatile value replaced by its placeholder (the base URL first, then {@link SCRUB_RULES}). */
export function scrubOutput(text: string, context: ScrubContext = {}): string {
  let out = text.replace(/\r\n/g, '\n');
  const base = context.baseUrl?.replace(/\/+$/, '');
  if (base) out = out.split(base).join('$GATEWAY_URL');
  for (const rule of SCRUB_RULES) out = out.replace(rule.pattern, rule.replacement);
  return out;
}
