import { z } from 'astro/zod';
import { formatPath } from '../schemas/parse.ts';
import type { ConditionResult, FailureClass } from '../schemas/evidence.ts';
import { classifyErrorText } from './curl-errors.ts';
import { unparseable, type ParseOutcome } from './finding.ts';
import { lineOf, parseJson } from './lines.ts';

/** The parts of `codex doctor --json` we read (seen on codex-cli 0.169: schemaVersion 1, checks keyed by id). */
const DoctorCheckSchema = z.object({
  id: z.string(),
  status: z.enum(['ok', 'warning', 'fail']).or(z.string()),
  summary: z.string(),
  details: z.record(z.string(), z.unknown()).default({}),
  remediation: z.string().nullish(),
  durationMs: z.number().optional(),
});
const DoctorSchema = z.object({
  overallStatus: z.string().optional(),
  codexVersion: z.string().optional(),
  checks: z.record(z.string(), DoctorCheckSchema),
});

const REACHABILITY = /reachability failed/i;

/**
 * Parses `codex doctor --json` for its `mcp.config` check: `ok` passes; reachability failures
 * ("litellm: <url> (HEAD connect failed; GET connect failed)") fail with the class the text names;
 * other warnings are `degraded`.
 */
export function parseCodexDoctorJson(text: string): ParseOutcome {
  const json = parseJson(text.trim());
  if ('unparseable' in json) return json;
  const parsed = DoctorSchema.safeParse(json.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return unparseable(`not \`codex doctor --json\` output: ${formatPath(issue.path) || '(root)'}: ${issue.message}`, 1);
  }
  const check = parsed.data.checks['mcp.config'];
  if (!check) return unparseable('`codex doctor --json` output has no `mcp.config` check', lineOf(text, '"checks"') ?? 1);
  const details = Object.entries(check.details).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)] as const);
  const unreachable = details.filter(([k]) => REACHABILITY.test(k));
  const conditions: ConditionResult[] = [{ condition: 'mcp.config status == ok', ok: check.status === 'ok', actual: check.status }];
  for (const [key, value] of unreachable) conditions.push({ condition: `no ${key}`, ok: false, actual: value });
  let verdict: 'pass' | 'fail' | 'degraded' = 'pass';
  let failureClass: FailureClass | null = null;
  if (unreachable.length) {
    verdict = 'fail';
    failureClass = classifyErrorText(unreachable.map(([, v]) => v).join(' ')) ?? 'tcp_refused';
  } else if (check.status === 'fail') {
    verdict = 'fail';
    failureClass = 'expectation';
  } else if (check.status !== 'ok') verdict = 'degraded';
  const detail = unreachable.length ? `: ${unreachable.map(([, v]) => v).join('; ')}` : '';
  return {
    findings: [
      {
        verdict,
        failureClass,
        summary: `codex doctor mcp.config ${check.status}: ${check.summary}${detail}`,
        conditions,
        line: lineOf(text, '"mcp.config": {') ?? lineOf(text, '"mcp.config"'),
        measured: {
          extra: {
            mcpConfigStatus: check.status,
            ...(parsed.data.codexVersion ? { codexVersion: parsed.data.codexVersion } : {}),
            ...(parsed.data.overallStatus ? { overallStatus: parsed.data.overallStatus } : {}),
            ...Object.fromEntries(details.filter(([k]) => /servers$/.test(k)).map(([k, v]) => [k, v])),
          },
        },
      },
    ],
  };
}
