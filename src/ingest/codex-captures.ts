import type { CodexCliObservation } from '../schemas/observation.ts';
import type { CapturedText } from './captured-text.ts';
import { readCodexRun, type CodexOutput } from './codex-run.ts';
import { observationCore, type Parser } from './reading.ts';

/** The arguments each output comes from, when the capture does not record its command. */
const DEFAULT_ARGS: Record<CodexOutput, string[]> = {
  list: ['mcp', 'list'],
  'list-json': ['mcp', 'list', '--json'],
  get: ['mcp', 'get'],
  'get-json': ['mcp', 'get', '--json'],
  'doctor-json': ['doctor', '--json'],
};

/** `exit code: N` as a saved transcript records it (tests/ingest/fixtures.ts convention). */
const EXIT_LINE = /^exit code:\s*(-?\d+)\s*$/m;

function argsOf(capture: CapturedText, output: CodexOutput): string[] {
  const command = capture.command;
  if (!command?.length) return DEFAULT_ARGS[output];
  // The recorded argv starts with the program (`codex`, a path to it, or `npx codex`).
  const at = command.findIndex((arg) => /(^|\/)codex(\.js)?$/.test(arg));
  return at >= 0 ? command.slice(at + 1) : [...command];
}

function exitOf(capture: CapturedText): number | null {
  if (capture.exitCode !== undefined) return capture.exitCode;
  const saved = EXIT_LINE.exec(capture.stdout)?.[1];
  if (saved !== undefined) return Number(saved);
  // A single saved file without its exit code: Codex exits 1 exactly when it prints an `Error:`.
  return /^Error: /m.test(capture.stdout) ? 1 : 0;
}

/** A parser for one Codex output: the run goes in the observation's list, get or doctor slot. */
function codexParser(output: CodexOutput, slot: 'list' | 'get' | 'doctor'): Parser {
  return (capture) => {
    const raw = { args: argsOf(capture, output), code: exitOf(capture), stdout: capture.stdout, stderr: capture.stderr };
    const read = readCodexRun(output, raw, !capture.separate);
    if ('unparseable' in read) return read;
    const observation: CodexCliObservation = { kind: 'codex-cli', ...observationCore(capture.durationMs), [slot]: read.run };
    return { readings: [{ observations: [observation], ...(read.line ? { line: read.line } : {}), ...(capture.separate ? { stream: read.stream } : {}) }] };
  };
}

export const parseCodexMcpList = codexParser('list', 'list');
export const parseCodexMcpListJson = codexParser('list-json', 'list');
export const parseCodexMcpGet = codexParser('get', 'get');
export const parseCodexMcpGetJson = codexParser('get-json', 'get');
export const parseCodexDoctorJson = codexParser('doctor-json', 'doctor');
