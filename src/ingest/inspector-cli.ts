import type { ClientProfileObservation, ProbeFailure } from '../schemas/observation.ts';
import type { CapturedText } from './captured-text.ts';
import { commandHeaders, inspectorOption, scopeOf } from './command-line.ts';
import { classifyErrorText } from './curl-errors.ts';
import { parseJson, splitLines } from './lines.ts';
import { mcpObservation } from './mcp-reading.ts';
import { unparseable, type ParseOutcome, type Reading } from './reading.ts';

/** Inspector v2 exit codes (cli.mdx): 3 auth required, 4 unreachable, 5 tool error, 6 --strict schema issues. */
const exitCodeNames: Record<number, string> = { 3: 'auth_required', 4: 'unreachable', 5: 'tool_is_error', 6: 'schema_strict' };
/** `exit code: N` and its variants, as a saved single-file transcript records the exit code. */
const exitLine = /^(?:exit(?: code| status)?[:=]?\s*|rc=|\[exit\s+|\$\?\s*=\s*)(\d+)\]?\s*$/i;
const envelopeLine = /^\s*\{\s*"error"\s*:\s*\{/;

/** The Inspector's one-line error envelope on stderr (the same in text and `--format json` mode). */
interface Envelope {
  code: string;
  message: string;
  cause?: string;
  status?: number;
}

/** What the transcript holds: the stdout lines, the envelopes (with their line), the exit code. */
function splitStreams(capture: CapturedText, lines: string[], errLines: string[]) {
  const envelopes: { env: Envelope; line: number }[] = [];
  const body: { text: string; line: number }[] = [];
  let exit = capture.exitCode ?? undefined;
  const scan = (source: string[], isStdout: boolean) =>
    source.forEach((line, i) => {
      const exitMatch = capture.separate ? null : exitLine.exec(line.trim());
      if (exitMatch) exit = Number(exitMatch[1]);
      else if (envelopeLine.test(line)) {
        const json = parseJson(line);
        const env = 'value' in json ? (json.value as { error?: Envelope }).error : undefined;
        if (env && typeof env.code === 'string') envelopes.push({ env, line: i + 1 });
        else if (isStdout) body.push({ text: line, line: i + 1 });
      } else if (isStdout && !/^\s*\$ /.test(line)) body.push({ text: line, line: i + 1 });
    });
  scan(lines, true);
  if (capture.separate) scan(errLines, false);
  return { envelopes, body, exit };
}

/**
 * The result JSON in stdout: from the first line that opens a JSON value to the last that closes one, so a stdio
 * server's banner before or after it (passed through by the Inspector) does not stop the parse.
 */
function readBody(body: { text: string; line: number }[]): { value?: unknown; line?: number } | { unparseable: { reason: string; line?: number } } {
  const start = body.findIndex((b) => /^\s*[{[]/.test(b.text));
  const end = body.findLastIndex((b) => /[}\]]\s*$/.test(b.text));
  if (start < 0 || end < start) return {};
  const json = parseJson(body.slice(start, end + 1).map((b) => b.text).join('\n'));
  if ('unparseable' in json) return { unparseable: { reason: json.unparseable.reason, line: body[start]!.line + (json.unparseable.line ?? 1) - 1 } };
  return { value: json.value, line: body[start]!.line };
}

/** The failure an envelope reports, classed as the probe classes the same failure; tool errors and --strict issues are not failures to connect. */
function failureOf(env: Envelope): { failure: ProbeFailure | null; status?: number } {
  const text = `${env.message}${env.cause ? ` (${env.cause})` : ''}`;
  const status = env.status ?? (env.code === 'auth_required' ? Number(/\b(40[13])\b/.exec(env.message)?.[1]) || undefined : undefined);
  if (status !== undefined) return { failure: { failureClass: 'http_status', message: `HTTP ${status}: ${text.slice(0, 160)}` }, status };
  if (env.code === 'tool_is_error' || env.code === 'schema_strict') return { failure: null };
  if (env.code === 'auth_required') return { failure: { failureClass: 'http_status', message: text } };
  if (/\bspawn \S+ ENOENT\b/.test(env.message)) return { failure: { failureClass: 'command_not_found', message: text } };
  const guessed = classifyErrorText(text);
  return { failure: { failureClass: guessed ?? (env.code === 'unreachable' ? 'tcp_refused' : 'protocol'), message: text } };
}

/**
 * Reads MCP Inspector CLI output into the client-profile (and MCP) observation of a real client's run: the result of
 * `tools/list` on stdout (the Inspector walks every page itself), or its error envelope on stderr, or only its exit code.
 */
export function parseInspectorCli(capture: CapturedText): ParseOutcome {
  const split = splitLines(capture.stdout);
  if ('unparseable' in split) return split;
  const errSplit = splitLines(capture.stderr);
  const { envelopes, body, exit } = splitStreams(capture, split.lines, 'lines' in errSplit ? errSplit.lines : []);
  const read = readBody(body);
  if ('unparseable' in read) return unparseable(read.unparseable.reason, read.unparseable.line);
  const outer = read.value && typeof read.value === 'object' ? (read.value as Record<string, unknown>) : undefined;
  const result = (outer?.result && typeof outer.result === 'object' ? outer.result : outer) as Record<string, unknown> | undefined;
  const envelope = envelopes[0]?.env ?? (exit !== undefined && exitCodeNames[exit] ? { code: exitCodeNames[exit]!, message: `exit code ${exit}` } : undefined);
  if (!result && !envelope) return unparseable('no Inspector result JSON on stdout and no `{"error":…}` envelope on stderr', 1);
  const { failure, status } = envelope ? failureOf(envelope) : { failure: null };
  const command = capture.command ?? [];
  const headers = commandHeaders(command);
  const scope = scopeOf(headers);
  const method = inspectorOption(command, '--method') ?? (envelope?.code === 'tool_is_error' ? 'tools/call' : undefined);
  const mcp = mcpObservation({ failure, latencyMs: capture.durationMs ?? 0, ...(status ? { status } : {}), ...(result ? { result } : {}), ...(method ? { rpcMethod: method } : {}), ...(scope ? { scope } : {}), wholeCatalog: true });
  if (envelope?.code === 'tool_is_error') mcp.toolCall = { ...(mcp.toolCall ?? { isError: true }), name: inspectorOption(command, '--tool-name') ?? /Tool '([^']+)'/.exec(envelope.message)?.[1] };
  if (envelope?.code === 'schema_strict') mcp.schemaIssues = envelope.message;
  const client: ClientProfileObservation = {
    ...mcp,
    kind: 'client-profile',
    client: 'inspector',
    sentHeaders: Object.keys(headers),
    ...(headers['x-mcp-servers'] ? { scopeSent: headers['x-mcp-servers'] } : {}),
    ...(headers.authorization ? { authScheme: headers.authorization.split(' ')[0] } : {}),
    replaysSnippet: false,
  };
  const fromEnvelope = envelope !== undefined && (failure !== null || !result);
  const stream = fromEnvelope ? (envelopes[0] ? 'stderr' : 'exitCode') : 'stdout';
  const reading: Reading = {
    observations: [client, mcp],
    line: fromEnvelope ? (envelopes[0]?.line ?? 1) : (read.line ?? 1),
    ...(capture.separate ? { stream } : {}),
    ...(method ? { holds: { rpcMethod: method } } : {}),
    extra: { ...(exit !== undefined ? { exitCode: exit } : {}), ...(envelope ? { errorCode: envelope.code } : {}) },
  };
  return { readings: [reading] };
}
