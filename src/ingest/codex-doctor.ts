import { z } from 'astro/zod';
import type { CodexRun } from '../schemas/codex-run.ts';
import { formatPath } from '../schemas/parse.ts';
import { lineOf, parseJson } from './lines.ts';
import type { Unparseable } from './unparseable.ts';

/** The parts of `codex doctor --json` we read (codex-cli 0.169: schemaVersion 1, checks keyed by id). */
const DoctorCheckSchema = z.object({
  id: z.string(),
  status: z.string(),
  summary: z.string(),
  details: z.record(z.string(), z.unknown()).default({}),
});
const DoctorSchema = z.object({
  overallStatus: z.string().optional(),
  codexVersion: z.string().optional(),
  checks: z.record(z.string(), DoctorCheckSchema),
});

/** Only these checks speak about an MCP config; the others (login, provider reachability, git) say nothing about it. */
const CONFIG_CHECKS = ['config.load', 'mcp.config'];

/**
 * Reads `codex doctor --json`: its version and the `config.load` and `mcp.config` checks with their details as text.
 * A config Codex could not load has `config.load` "fail" and no `mcp.config` at all.
 */
export function readCodexDoctor(text: string): { doctor: NonNullable<CodexRun['doctor']>; line: number } | { unparseable: Unparseable } {
  const json = parseJson(text.trim());
  if ('unparseable' in json) return json;
  const parsed = DoctorSchema.safeParse(json.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { unparseable: { reason: `not \`codex doctor --json\` output: ${formatPath(issue.path) || '(root)'}: ${issue.message}`, line: 1 } };
  }
  const present = CONFIG_CHECKS.filter((id) => parsed.data.checks[id]);
  if (present.length === 0) return { unparseable: { reason: '`codex doctor --json` output has neither a `config.load` nor an `mcp.config` check', line: lineOf(text, '"checks"') ?? 1 } };
  const checks = Object.fromEntries(
    present.map((id) => {
      const check = parsed.data.checks[id]!;
      const details = Object.fromEntries(Object.entries(check.details).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)]));
      return [id, { status: check.status, summary: check.summary, details }];
    }),
  );
  // The line of the check that speaks first: a config that did not load (fully) is about config.load.
  const loadFirst = checks['config.load'] && checks['config.load'].status !== 'ok';
  const line = (loadFirst ? lineOf(text, '"config.load": {') : lineOf(text, '"mcp.config": {')) ?? lineOf(text, '"checks"') ?? 1;
  return { doctor: { ...(parsed.data.codexVersion ? { codexVersion: parsed.data.codexVersion } : {}), checks }, line };
}
