import { CheckIdSchema } from '../schemas/check-id.ts';
import type { ReportedObservation } from '../schemas/observation.ts';
import type { CapturedText } from './captured-text.ts';
import { observationCore, unparseable, type ParseOutcome, type Reading } from './reading.ts';

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

function stepOf(c: TestCase): ReportedObservation['steps'][number] {
  return { label: `${c.classname ? `${c.classname} › ` : ''}${c.name}`, outcome: c.outcome, ...(c.message ? { actual: c.message } : {}) };
}

const reported = (steps: ReportedObservation['steps'], latencyMs = 0): ReportedObservation => ({ kind: 'reported', ...observationCore(latencyMs), reporter: 'JUnit', steps });

/**
 * Reads JUnit XML from other tools: the whole report (for the checks the meta file names), plus each testcase whose
 * name is a check id on its own (it speaks for that check directly). The tool judged its tests itself: `reported`.
 */
export function parseJunitXml(capture: CapturedText): ParseOutcome {
  const text = capture.stdout;
  const root = /<(testsuites|testsuite)\b/.exec(text);
  if (!root) return unparseable('no <testsuite> or <testsuites> element; not JUnit XML', 1);
  const cases = readCases(text);
  if (!Array.isArray(cases)) return unparseable(cases.reason, cases.line);
  if (!new RegExp(`</${root[1]}>`).test(text) && !/<testsuites?\b[^>]*\/>/.test(text)) {
    return unparseable(`missing </${root[1]}>: the XML looks truncated`, text.split('\n').length);
  }
  const whole: Reading = { observations: [reported(cases.map(stepOf))], line: lineAt(text, root.index) };
  const named = cases.flatMap((c): Reading[] => {
    const checkId = checkOf(c);
    return checkId ? [{ observations: [reported([stepOf(c)], c.timeSec !== undefined ? c.timeSec * 1000 : 0)], line: c.line, checkId }] : [];
  });
  return { readings: [whole, ...named] };
}
