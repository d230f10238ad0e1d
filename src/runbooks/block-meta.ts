import { DurationSchema } from '../schemas/duration.ts';
import { RUNNABLE_LANGS, RunModeSchema, type RunMode } from '../schemas/runbook.ts';

/**
 * The meta string of a fenced block: ```` ```bash run=ci timeout=20s maxAge=24h ````. Pure, shared by the
 * extraction (which reports problems) and the Markdown plugin (which only needs to know which blocks run).
 * Other words in the meta string belong to Expressive Code (`title="…"`, `frame=…`, `{2-4}`) and are left alone.
 */

/** A block runs for this long at most unless it says otherwise. */
export const DEFAULT_BLOCK_TIMEOUT = '30s';
/** Evidence of a block is fresh for this long unless it says otherwise. */
export const DEFAULT_BLOCK_MAX_AGE = '24h';
/** No block may hold the pipeline longer than this. */
export const MAX_BLOCK_TIMEOUT_MS = 10 * 60_000;
/** The word in an expected-output block's meta string: ```` ```text expect ````. */
export const EXPECT_WORD = 'expect';

/** What a fence's meta string says about running it. */
export interface BlockMeta {
  run?: RunMode;
  timeoutMs: number;
  maxAgeMs: number;
  /** The fence is the expected output of the runnable block right before it. */
  isExpect: boolean;
  /** What is wrong with the options, one message each (empty when nothing is). */
  problems: string[];
}

/** The meta string's words; a quoted value (`title="a b"`) stays one word. */
export function metaWords(meta: string | null | undefined): string[] {
  return [...(meta ?? '').matchAll(/(?:[^\s"']+|"[^"]*"|'[^']*')+/g)].map((match) => match[0]);
}

const OPTION_NAMES = ['run', 'timeout', 'maxAge'] as const;

function parseDuration(name: string, value: string, problems: string[]): number | undefined {
  const parsed = DurationSchema.safeParse(value);
  if (parsed.success && parsed.data > 0) return parsed.data;
  problems.push(`${name}=${value}: expected a duration such as 20s, 5m or 24h`);
  return undefined;
}

/** Reads the run options of a fence; `lang` is checked when the fence asks to run. */
export function parseBlockMeta(lang: string | null | undefined, meta: string | null | undefined): BlockMeta {
  const problems: string[] = [];
  const options = new Map<string, string>();
  let isExpect = false;
  for (const word of metaWords(meta)) {
    if (word === EXPECT_WORD) isExpect = true;
    const [key, ...rest] = word.split('=');
    if (rest.length === 0 || !key) continue;
    const value = rest.join('=').replace(/^(["'])(.*)\1$/, '$2');
    const known = OPTION_NAMES.find((name) => name.toLowerCase() === key.replace(/[-_]/g, '').toLowerCase());
    if (!known) continue;
    if (known !== key) problems.push(`${key}=${value}: write ${known}=${value}`);
    else options.set(known, value);
  }
  const timeout = options.has('timeout') ? parseDuration('timeout', options.get('timeout')!, problems) : undefined;
  const maxAge = options.has('maxAge') ? parseDuration('maxAge', options.get('maxAge')!, problems) : undefined;
  const result: BlockMeta = {
    timeoutMs: timeout ?? DurationSchema.parse(DEFAULT_BLOCK_TIMEOUT),
    maxAgeMs: maxAge ?? DurationSchema.parse(DEFAULT_BLOCK_MAX_AGE),
    isExpect,
    problems,
  };
  if (timeout !== undefined && timeout > MAX_BLOCK_TIMEOUT_MS) problems.push(`timeout=${options.get('timeout')}: at most 10m`);
  const run = options.get('run');
  if (run !== undefined) {
    const mode = RunModeSchema.safeParse(run);
    if (mode.success) result.run = mode.data;
    else problems.push(`run=${run}: expected run=ci (executed by npm run runbooks) or run=manual (never executed)`);
  } else if (options.size > 0) {
    problems.push(`${[...options.keys()].join(' and ')} without run=: add run=ci or run=manual`);
  }
  if (result.run && !(RUNNABLE_LANGS as readonly string[]).includes(lang ?? '')) {
    problems.push(`run=${result.run} on a \`${lang ?? ''}\` fence: runnable blocks are ${RUNNABLE_LANGS.join(', ')} (they run under bash -euo pipefail)`);
  }
  return result;
}

/** The run mode of a fence, or undefined when it does not run; never throws (for the Markdown plugin). */
export function runModeOf(lang: string | null | undefined, meta: string | null | undefined): RunMode | undefined {
  if (!meta || !/\brun=/.test(meta)) return undefined;
  return parseBlockMeta(lang, meta).run;
}
