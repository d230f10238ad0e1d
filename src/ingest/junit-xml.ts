import { CheckIdSchema } from '../schemas/check-id.ts';
import { unparseable, type Finding, type ParseOutcome } from './finding.ts';

interface TestCase {
  name: string;
  classname: string;
  timeSec?: number;
  outcome: 'pass' | 'fail' | 'error' | 'skipped';
  message?: string;
  line: number;
}

const attr = (tag: string, name: string): string | undefined => {
  const value = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  return value?.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
};

const lineAt = (text: string, index: number): number => text.slice(0, index).split('\n').length;

/** Reads `<testcase>` elements (self-closing or with `<failure>`/`<error>`/`<skipped>` children). */
function readCases(xml: string): TestCase[] | { reason: string; line: number } {
  const cases: TestCase[] = [];
  const open = /<testcase\b([^>]*?)(\/?)>/g;
  for (let m = open.exec(xml); m; m = open.exec(xml)) {
    const tag = m[0];
    let inner = '';
    if (m[2] !== '/') {
      const close = xml.indexOf('</testcase>', open.lastIndex);
      if (close < 0) return { reason: 'unclosed <testcase>: the XML looks truncated', line: lineAt(xml, m.index) };
      inner = xml.slice(open.lastIndex, close);
      open.lastIndex = close;
    }
    const failure = /<(failure|error)\b([^>]*)/.exec(inner);
    const outcome = failure ? (failure[1] === 'error' ? 'error' : 'fail') : /<skipped\b/.test(inner) ? 'skipped' : 'pass';
    const time = Number(attr(tag, 'time'));
    cases.push({
      name: attr(tag, 'name') ?? '(unnamed)',
      classname: attr(tag, 'classname') ?? '',
      ...(Number.isFinite(time) ? { timeSec: time } : {}),
      outcome,
      ...(failure ? { message: attr(failure[0], 'message') ?? inner.replace(/<[^>]+>/g, '').trim().slice(0, 200) } : {}),
      line: lineAt(xml, m.index),
    });
  }
  return cases;
}

/** A testcase names a check when its name (or classname) is a check id such as `mcp.tools-list`. */
function checkOf(c: TestCase): string | undefined {
  for (const candidate of [c.name, c.classname]) {
    if (candidate.includes('.') && CheckIdSchema.safeParse(candidate).success) return candidate;
  }
  return undefined;
}

function caseFinding(c: TestCase, checkId: string): Finding {
  return {
    verdict: c.outcome === 'pass' ? 'pass' : c.outcome === 'error' ? 'error' : c.outcome === 'skipped' ? 'degraded' : 'fail',
    failureClass: c.outcome === 'fail' ? 'expectation' : null,
    summary: `JUnit ${c.classname ? `${c.classname} › ` : ''}${c.name}: ${c.outcome}${c.message ? ` — ${c.message}` : ''}`,
    line: c.line,
    checkId,
    measured: c.timeSec !== undefined ? { latencyMs: Math.round(c.timeSec * 1000) } : {},
  };
}

/**
 * Parses JUnit XML from other tools: one aggregate finding, plus one per testcase whose name is a
 * check id (those speak for that check directly).
 */
export function parseJunitXml(text: string): ParseOutcome {
  const root = /<(testsuites|testsuite)\b/.exec(text);
  if (!root) return unparseable('no <testsuite> or <testsuites> element; not JUnit XML', 1);
  const cases = readCases(text);
  if (!Array.isArray(cases)) return unparseable(cases.reason, cases.line);
  if (!new RegExp(`</${root[1]}>`).test(text) && !/<testsuites?\b[^>]*\/>/.test(text)) {
    return unparseable(`missing </${root[1]}>: the XML looks truncated`, text.split('\n').length);
  }
  const count = (o: TestCase['outcome']): number => cases.filter((c) => c.outcome === o).length;
  const failed = count('fail');
  const errors = count('error');
  const aggregate: Finding = {
    verdict: errors ? 'error' : failed ? 'fail' : 'pass',
    failureClass: failed ? 'expectation' : null,
    summary: `JUnit: ${cases.length} tests, ${failed} failed, ${errors} errors, ${count('skipped')} skipped`,
    line: lineAt(text, root.index),
    conditions: cases.filter((c) => c.outcome !== 'pass').slice(0, 20).map((c) => ({ condition: `${c.name} passes`, ok: false, actual: c.message ?? c.outcome })),
    measured: { extra: { tests: cases.length, failures: failed, errors, skipped: count('skipped') } },
  };
  const named = cases.flatMap((c) => {
    const checkId = checkOf(c);
    return checkId ? [caseFinding(c, checkId)] : [];
  });
  return { findings: [aggregate, ...named] };
}
