import type { EvalRun } from '../schemas/eval-run.ts';
import type { EvidenceRecord, Verdict } from '../schemas/evidence.ts';

/** Verdicts that do not fail a run: degraded is a warning, expected-fail is a known limitation. */
const OK_VERDICTS: ReadonlySet<Verdict> = new Set(['pass', 'degraded', 'expected-fail']);

/** Process exit code for a finished run: 0 when nothing failed or errored, 1 otherwise. */
export function exitCodeFor(run: EvalRun): 0 | 1 {
  return run.records.every((record) => OK_VERDICTS.has(record.verdict)) ? 0 : 1;
}

const SYMBOL: Record<Verdict, string> = { pass: '✓', fail: '✗', degraded: '~', 'expected-fail': '○', error: '!' };
const COLOR: Record<Verdict, string> = { pass: '32', fail: '31', degraded: '33', 'expected-fail': '36', error: '35' };

/**
 * Text from a gateway made safe for a terminal (issue 25 item 9): C0 and C1 control characters, DEL and NUL would
 * move the cursor, clear the screen, retitle the window or hide the rest of a line; each becomes a visible `\xNN`
 * (`\n`, `\r`, `\t` as such). Our own colour codes are added after this, around escaped text.
 */
export function escapeControl(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => ({ '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

function durationMs(record: EvidenceRecord): number {
  return Date.parse(record.finishedAt) - Date.parse(record.startedAt);
}

/** One line per finished check: coloured with a symbol on a terminal, plain `PASS id …` in CI logs. */
export function formatResultLine(record: EvidenceRecord, options: { tty: boolean; done?: number; total?: number }): string {
  const time = `${durationMs(record)} ms`;
  const cls = record.failureClass ? ` [${record.failureClass}]` : '';
  const summary = escapeControl(record.summary);
  if (!options.tty) return `${record.verdict.toUpperCase()} ${record.checkId} (${time})${cls} ${summary}`;
  const count = options.total ? `[${options.done}/${options.total}] ` : '';
  const mark = `\x1b[${COLOR[record.verdict]}m${SYMBOL[record.verdict]} ${record.verdict.padEnd(8)}\x1b[0m`;
  return `${count}${mark} ${record.checkId.padEnd(24)} ${time.padStart(8)}${cls}  \x1b[2m${summary}\x1b[0m`;
}

/** The closing lines of a run: counts per verdict and where the evidence went. */
export function formatSummary(run: EvalRun, where?: string): string {
  const counts = new Map<Verdict, number>();
  for (const record of run.records) counts.set(record.verdict, (counts.get(record.verdict) ?? 0) + 1);
  const parts = [...counts].map(([verdict, n]) => `${n} ${verdict}`).join(', ') || 'no checks selected';
  const took = Date.parse(run.finishedAt) - Date.parse(run.startedAt);
  return [`${run.records.length} checks against ${escapeControl(run.environment)} from ${run.origin} in ${took} ms: ${parts}`, ...(where ? [`run ${run.runId} → ${escapeControl(where)}`] : [])].join('\n');
}

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

/** JUnit XML for CI: one testsuite per run, one testcase per record; fail → failure, error → error, expected-fail → skipped, degraded passes. */
export function formatJunit(run: EvalRun): string {
  const failures = run.records.filter((r) => r.verdict === 'fail').length;
  const errors = run.records.filter((r) => r.verdict === 'error').length;
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const cases = run.records.map((record) => {
    const name = escapeXml(record.checkId);
    const attrs = `classname="${escapeXml(`${run.environment}.${record.origin}`)}" name="${name}" time="${seconds(durationMs(record))}"`;
    const detail = escapeXml(record.conditions.map((c) => `${c.ok ? 'ok ' : 'NOT'} ${c.condition} (actual: ${c.actual ?? ''})`).join('\n'));
    const message = escapeXml(`${record.failureClass ?? record.verdict}: ${record.summary}`);
    if (record.verdict === 'fail') return `    <testcase ${attrs}>\n      <failure message="${message}" type="${record.failureClass ?? 'fail'}">${detail}</failure>\n    </testcase>`;
    if (record.verdict === 'error') return `    <testcase ${attrs}>\n      <error message="${message}" type="error">${detail}</error>\n    </testcase>`;
    if (record.verdict === 'expected-fail') return `    <testcase ${attrs}>\n      <skipped message="${escapeXml(`expected failure: ${record.summary}`)}"/>\n    </testcase>`;
    return `    <testcase ${attrs}>\n      <system-out>${escapeXml(`${record.verdict}: ${record.summary}`)}</system-out>\n    </testcase>`;
  });
  const took = seconds(Date.parse(run.finishedAt) - Date.parse(run.startedAt));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="proofbook probes" tests="${run.records.length}" failures="${failures}" errors="${errors}" time="${took}">`,
    `  <testsuite name="${escapeXml(`${run.environment} from ${run.origin}`)}" id="${run.runId}" tests="${run.records.length}" failures="${failures}" errors="${errors}" time="${took}" timestamp="${run.startedAt}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
