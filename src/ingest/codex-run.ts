import { codexErrorText } from '../checks/codex-cli.ts';
import type { CaptureStream } from '../schemas/evidence.ts';
import type { CodexRun } from '../schemas/codex-run.ts';
import { readCodexDoctor } from './codex-doctor.ts';
import { readCodexJson } from './codex-json.ts';
import { readCodexMcpGet } from './codex-mcp-get.ts';
import { readCodexMcpList } from './codex-mcp-list.ts';
import { lineOf, splitLines } from './lines.ts';
import type { Unparseable } from './unparseable.ts';

/** The Codex outputs we read. */
export type CodexOutput = 'list' | 'list-json' | 'get' | 'get-json' | 'doctor-json';

/** What a Codex run printed, before it is read. */
export interface RawCodexRun {
  args: string[];
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Codex refusing its config: `Error: failed to load bootstrap configuration` (or `… configuration`) and its `Caused by:` lines. */
const CONFIG_ERROR = /^Error: failed to load[\s\S]*/m;
const OTHER_ERROR = /^Error: .*/m;
/** Lines a saved transcript may hold around Codex's JSON: its PATH-alias warning, a prompt, the exit code. */
const AROUND_JSON = /^(WARNING: |\$ |exit code:)/;

function readStdout(output: CodexOutput, stdout: string) {
  if (output === 'doctor-json') return readCodexDoctor(stdout);
  if (output === 'list-json' || output === 'get-json') return readCodexJson(stdout, output === 'list-json' ? 'list' : 'get');
  const split = splitLines(stdout);
  if ('unparseable' in split) return split;
  return output === 'list' ? readCodexMcpList(split.lines) : readCodexMcpGet(split.lines);
}

/**
 * Reads one Codex CLI run into data (src/schemas/codex-run.ts): the config error on stderr, the servers list/get
 * showed, doctor's report. The probe reads its own runs with it, imports their captures. `mixed` is a single saved
 * file holding stderr and stdout together. Unparseable when the output is none of Codex's formats.
 */
export function readCodexRun(output: CodexOutput, raw: RawCodexRun, mixed = false): { run: CodexRun; line?: number; stream: CaptureStream } | { unparseable: Unparseable } {
  const errors = codexErrorText(mixed ? raw.stdout : raw.stderr);
  const configError = CONFIG_ERROR.exec(errors)?.[0].trim();
  const error = configError ? undefined : OTHER_ERROR.exec(errors)?.[0].trim();
  const base: CodexRun = { ...raw, ...(configError ? { configError } : {}), ...(error ? { error } : {}) };
  const errorLine = (text: string) => lineOf(mixed ? raw.stdout : raw.stderr, text.split('\n')[0]!);
  if (configError) return { run: base, ...(errorLine(configError) ? { line: errorLine(configError) } : {}), stream: 'stderr' };
  // Blanked, not dropped, so line numbers stay those of the file.
  const stdout = mixed ? raw.stdout.split('\n').map((line) => (AROUND_JSON.test(line) ? '' : line)).join('\n') : raw.stdout;
  if (stdout.trim() === '') {
    if (error || (raw.code !== null && raw.code !== 0)) return { run: base, ...(error && errorLine(error) ? { line: errorLine(error) } : {}), stream: error ? 'stderr' : 'exitCode' };
    return { unparseable: { reason: `\`codex ${raw.args.join(' ')}\` printed nothing on stdout`, line: 1 } };
  }
  const read = readStdout(output, stdout);
  if ('unparseable' in read) return read;
  const reading = 'doctor' in read ? { doctor: read.doctor } : { servers: read.servers };
  return { run: { ...base, ...reading }, line: read.line, stream: 'stdout' };
}
