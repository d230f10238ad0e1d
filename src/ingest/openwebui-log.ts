import type { ReportedObservation } from '../schemas/observation.ts';
import type { CapturedText } from './captured-text.ts';
import { classifyErrorText } from './curl-errors.ts';
import { splitLines } from './lines.ts';
import { observationCore, unparseable, type ParseOutcome } from './reading.ts';

const NO_RESPONSE = 'Error or no response';
const OUTCOME = String.raw`(Error or no response|OK|PASS(?:ED)?|FAIL(?:ED)?|SUCCESS|ERROR|✓|✔|✗|✘)`;
/** `[1/5] POST /mcp/ tools/list ... Error or no response`, `Test 2: initialize: OK (200)`, `- tools/list → ✗ …`. */
const probeLine = new RegExp(String.raw`^\s*(?:\[\d+/\d+\]|\d+[.)]|[-*•]|Test \d+:|Testing)?\s*(.+?)\s*(?:\.{2,}|…|:|—|→|=>| - )\s*${OUTCOME}(.*)$`, 'i');
/** Two-line form: `Testing <label>` then `Response: <outcome>`. */
const labelLine = /^\s*(?:\[\d+\/\d+\]|Test \d+:|Testing)\s*(.+?)[.…:]*\s*$/i;
const responseLine = new RegExp(String.raw`^\s*(?:Response|Result)\s*:\s*${OUTCOME}(.*)$`, 'i');

const isOk = (outcome: string): boolean => /^(ok|pass(ed)?|success|✓|✔)$/i.test(outcome);

interface Probe {
  label: string;
  ok: boolean;
  actual: string;
  line: number;
}

function readProbes(lines: string[]): Probe[] {
  const probes: Probe[] = [];
  let pending: { label: string; line: number } | undefined;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    const response = responseLine.exec(line);
    if (response && pending) {
      probes.push({ label: pending.label, ok: isOk(response[1]), actual: `${response[1]}${response[2]}`.trim(), line: i + 1 });
      pending = undefined;
      return;
    }
    const probe = probeLine.exec(line);
    if (probe && !/^(date|base|base url|auth|servers|summary|key)$/i.test(probe[1])) {
      probes.push({ label: probe[1], ok: isOk(probe[2]), actual: `${probe[2]}${probe[3]}`.trim(), line: i + 1 });
      pending = undefined;
      return;
    }
    const label = labelLine.exec(line);
    if (label) pending = { label: label[1], line: i + 1 };
  });
  return probes;
}

/**
 * Reads the Open WebUI MCP test script log: one step per probe line (`… Error or no response`, `OK`). The script
 * judged each step itself, so this is a `reported` observation; when nothing answered and the log names a transport
 * error (`curl exit 6: Could not resolve host`), that is the failure, classed as the probe classes it.
 */
export function parseOpenWebuiLog(capture: CapturedText): ParseOutcome {
  const split = splitLines(capture.stdout);
  if ('unparseable' in split) return split;
  const probes = readProbes(split.lines);
  if (probes.length === 0) return unparseable(`no probe result lines (\`<probe> ... ${NO_RESPONSE}\` or \`... OK\`) found`, 1);
  const failed = probes.filter((p) => !p.ok);
  const date = split.lines.map((l) => /^\s*Date:\s*(\S+)/i.exec(l)?.[1]).find((d) => d && !Number.isNaN(Date.parse(d)));
  const baseUrl = split.lines.map((l) => /^\s*Base(?: URL)?:\s*(\S+)/i.exec(l)?.[1]).find(Boolean);
  // The script prints the transport error once (summary or curl line), not per probe.
  const errorLines = split.lines.filter((l) => /^\s*(summary|error|curl)\b/i.test(l)).join(' ');
  const transport = failed.length === probes.length ? (classifyErrorText(failed.map((p) => p.actual.replace(NO_RESPONSE, '')).join(' ')) ?? classifyErrorText(errorLines)) : null;
  const observation: ReportedObservation = {
    kind: 'reported',
    ...observationCore(capture.durationMs),
    ...(transport ? { failure: { failureClass: transport, message: (errorLines || failed[0]!.actual).trim().slice(0, 200) } } : {}),
    reporter: 'Open WebUI MCP test',
    steps: probes.map((p) => ({ label: p.label, outcome: p.ok ? 'pass' : 'fail', actual: p.actual })),
  };
  return {
    readings: [
      {
        observations: [observation],
        line: failed[0]?.line ?? probes[0]!.line,
        ...(date ? { startedAt: new Date(date).toISOString() } : {}),
        extra: { probes: probes.length, failed: failed.length, ...(baseUrl ? { baseUrl } : {}) },
      },
    ],
  };
}
