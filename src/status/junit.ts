import type { RowState, StatusModel, StatusRow } from './model.ts';
import { escapeXml, formatAge, stateText } from './present.ts';

/** How each state reads to a CI test reporter. */
const OUTCOME: Record<RowState, 'ok' | 'failure' | 'error' | 'skipped'> = {
  pass: 'ok',
  fail: 'failure',
  degraded: 'failure',
  stale: 'failure',
  missing: 'failure',
  error: 'error',
  maintenance: 'skipped',
  // A pass that needed a retry passed: CI reporters count it as passed (the case says it was flaky in its output).
  flaky: 'ok',
  'expected-fail': 'skipped',
  limited: 'skipped',
};

function testcase(group: string, name: string, state: RowState, message: string, seconds = 0): string {
  const head = `<testcase classname="${escapeXml(group)}" name="${escapeXml(name)}" time="${seconds}"`;
  const outcome = OUTCOME[state];
  if (outcome === 'ok') return state === 'flaky' ? `${head}><system-out>${escapeXml(message)}</system-out></testcase>` : `${head}/>`;
  const attrs = outcome === 'skipped' ? `message="${escapeXml(message)}"` : `type="${state}" message="${escapeXml(message)}"`;
  return `${head}><${outcome} ${attrs}/></testcase>`;
}

function rowMessage(row: StatusRow): string {
  // The class says which layer failed (config_invalid, auth_env_missing, command_not_found are the client's own).
  const why = row.limitation
    ? ` (${row.limitation.failureClass} from ${row.origin}; passes from ${row.limitation.passingOrigins.join(', ')})`
    : row.state === 'flaky'
      ? ` (passed on attempt ${row.attempts ?? 2} of ${row.attempts ?? 2})`
      : row.maintenance
        ? ` (in maintenance window ${row.maintenance}${row.failureClass ? `; ${row.failureClass}` : ''})`
        : row.failureClass ? ` (${row.failureClass})` : '';
  return `${stateText(row.state, row.provenance)}${why}, ${formatAge(row.ageMs)} old, run ${row.runId}: ${row.summary}`;
}

/** The status model as JUnit XML: one suite per group, one case per check × target × origin. */
export function renderJUnit(model: StatusModel): string {
  const suites = model.groups.map((group) => {
    const cases = group.checks.flatMap((check) =>
      check.rows.length === 0
        ? [testcase(group.id, check.id, 'missing', 'no evidence')]
        : check.rows.map((row) => testcase(group.id, `${check.id} [${row.target} from ${row.origin}]${row.provenance === 'real' ? '' : ` (${row.provenance})`}`, row.state, rowMessage(row))),
    );
    const count = (outcome: string) => cases.filter((text) => text.includes(`<${outcome} `)).length;
    return (
      `<testsuite name="${escapeXml(group.id)}" tests="${cases.length}" failures="${count('failure')}" errors="${count('error')}" skipped="${count('skipped')}" timestamp="${model.generatedAt}">\n` +
      cases.map((text) => `  ${text}\n`).join('') +
      `</testsuite>`
    );
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="proofbook status">\n${suites.join('\n')}\n</testsuites>\n`;
}
