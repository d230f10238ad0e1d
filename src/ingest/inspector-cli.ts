import type { FailureClass, Measured } from '../schemas/evidence.ts';
import { classifyErrorText } from './curl-errors.ts';
import { unparseable, type Finding, type ParseOutcome } from './finding.ts';
import { parseJson, splitLines } from './lines.ts';
import { readServerOutcomes, summariseTools } from './tools.ts';

/** Inspector v2 exit codes (cli.mdx): 3 auth required, 4 unreachable, 5 tool error, 6 --strict schema issues. */
const exitCodeNames: Record<number, string> = { 3: 'auth_required', 4: 'unreachable', 5: 'tool_is_error', 6: 'schema_strict' };
const exitLine = /^(?:exit(?: code| status)?[:=]?\s*|rc=|\[exit\s+|\$\?\s*=\s*)(\d+)\]?\s*$/i;
const envelopeLine = /^\s*\{\s*"error"\s*:\s*\{/;

interface Envelope {
  code: string;
  message: string;
  cause?: string;
  status?: number;
}

function failureOf(envelope: Envelope): { failureClass: FailureClass; verdict: Finding['verdict'] } {
  switch (envelope.code) {
    case 'auth_required':
      return { failureClass: 'http_status', verdict: 'fail' };
    case 'unreachable':
      return { failureClass: classifyErrorText(`${envelope.cause ?? ''} ${envelope.message}`) ?? 'tcp_refused', verdict: 'fail' };
    case 'tool_is_error':
      return { failureClass: 'expectation', verdict: 'fail' };
    case 'schema_strict':
      return { failureClass: 'expectation', verdict: 'degraded' };
    default:
      return { failureClass: 'protocol', verdict: 'error' };
  }
}

/** Splits a transcript into the stdout JSON, stderr envelopes and the exit code. */
function splitTranscript(lines: string[]): { body: string[]; bodyStart: number; envelopes: { env: Envelope; line: number }[]; exit?: number } {
  const body: string[] = [];
  let bodyStart = 0;
  const envelopes: { env: Envelope; line: number }[] = [];
  let exit: number | undefined;
  lines.forEach((line, i) => {
    const exitMatch = exitLine.exec(line.trim());
    if (exitMatch) exit = Number(exitMatch[1]);
    else if (envelopeLine.test(line)) {
      const json = parseJson(line);
      const env = 'value' in json ? (json.value as { error?: Envelope }).error : undefined;
      if (env && typeof env.code === 'string') envelopes.push({ env, line: i + 1 });
      else body.push(line);
    } else if (!/^\s*\$ /.test(line)) {
      if (body.length === 0) bodyStart = i;
      body.push(line);
    }
  });
  return { body, bodyStart, envelopes, exit };
}

/** Reads the stdout JSON: a tools/list result (plain or `--format json` `{result}`), or a tools/call result. */
function readResult(value: unknown): { tools?: unknown[]; result: Record<string, unknown> } | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const outer = value as Record<string, unknown>;
  const result = (outer.result && typeof outer.result === 'object' ? outer.result : outer) as Record<string, unknown>;
  return { tools: Array.isArray(result.tools) ? result.tools : undefined, result };
}

/**
 * Parses MCP Inspector CLI output: the JSON result of `tools/list` on stdout, and/or its stderr error
 * envelope `{"error":{"code":"auth_required"|"unreachable"|"tool_is_error",…}}` with an `exit code: N` line.
 */
export function parseInspectorCli(text: string): ParseOutcome {
  const split = splitLines(text);
  if ('unparseable' in split) return split;
  const { body, bodyStart, envelopes, exit } = splitTranscript(split.lines);
  const bodyText = body.join('\n').trim();
  let result: ReturnType<typeof readResult>;
  if (bodyText) {
    const json = parseJson(bodyText);
    if ('unparseable' in json) return unparseable(json.unparseable.reason, bodyStart + (json.unparseable.line ?? 1));
    result = readResult(json.value);
  }
  const envelope = envelopes[0]?.env ?? (exit !== undefined && exitCodeNames[exit] ? { code: exitCodeNames[exit], message: `exit code ${exit}` } : undefined);
  const extra: NonNullable<Measured['extra']> = { ...(exit !== undefined ? { exitCode: exit } : {}) };
  if (envelope) {
    const { failureClass, verdict } = failureOf(envelope);
    extra.errorCode = envelope.code;
    const status = envelope.status ?? (/\b(40[13])\b/.exec(envelope.message)?.[1] ? Number(/\b(40[13])\b/.exec(envelope.message)?.[1]) : undefined);
    return {
      findings: [
        {
          verdict,
          failureClass,
          summary: `MCP Inspector CLI: ${envelope.code}: ${envelope.message}${envelope.cause ? ` (${envelope.cause})` : ''}`,
          line: envelopes[0]?.line ?? 1,
          conditions: [{ condition: 'inspector exit code == 0', ok: false, actual: exit === undefined ? envelope.code : String(exit) }],
          measured: { ...(status ? { status } : {}), extra },
        },
      ],
    };
  }
  if (!result) return unparseable('no Inspector result JSON on stdout and no `{"error":…}` envelope on stderr', 1);
  if (!result.tools) {
    const isError = result.result.isError === true;
    const summary = isError ? 'MCP Inspector CLI: tool returned isError:true' : 'MCP Inspector CLI: call succeeded';
    return { findings: [{ verdict: isError ? 'fail' : 'pass', failureClass: isError ? 'expectation' : null, summary, line: bodyStart + 1, measured: { extra } }] };
  }
  const tools = summariseTools(result.tools);
  const count = tools.tools?.length ?? 0;
  const serverOutcomes = readServerOutcomes(result.result);
  const byServer = Object.entries(tools.toolsByServer ?? {}).map(([s, n]) => `${s} ${n}`).join(', ');
  return {
    findings: [
      {
        verdict: count > 0 ? 'pass' : 'fail',
        failureClass: count > 0 ? null : 'expectation',
        summary: `MCP Inspector CLI tools/list: ${count} tool${count === 1 ? '' : 's'}${byServer ? ` (${byServer})` : ''}`,
        line: bodyStart + 1,
        conditions: [{ condition: 'tools/list returns tools', ok: count > 0, actual: String(count) }],
        measured: { ...tools, ...(serverOutcomes ? { serverOutcomes } : {}), extra },
      },
    ],
  };
}
