// Writes one capture folder (capture.yaml, stdout.txt, stderr.txt, expected.yaml) after checking that the run
// really shows the scenario it was made for: a capture that does not is reported, never written.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { CaptureSchema, type Capture } from '../../../src/schemas/capture.ts';
import type { ArtifactKind } from '../../../src/schemas/imported-artifact.ts';
import { ExpectedSchema, type Expected } from '../expected-schema.ts';
import { runTool, type ToolRun } from './process.ts';

/** The tools whose output the corpus holds, by the name capture.yaml gives them. */
export type ToolName = 'curl' | 'mcp-inspector-cli' | 'codex-cli';

/** One capture to make: what to run, what it is evidence for, and how it must read. */
export interface CaptureRequest {
  /** Folder name inside the family, kebab-case. */
  name: string;
  kind: Exclude<ArtifactKind, 'unknown'>;
  tool: ToolName;
  /** The argv to run; element 0 is resolved to the tool's binary by the context. */
  argv: string[];
  /** Extra environment for this run only (the base is a minimal PATH/HOME). */
  env?: Record<string, string>;
  cwd?: string;
  timeoutMs: number;
  checks: string[];
  note: string;
  /** Returns why the run does not show the scenario (wrong exit code, missing header…), or undefined. */
  shows: (run: ToolRun) => string | undefined;
  /** The expected reading; a function when a count comes from the capture itself. */
  expected: Omit<Expected, 'checkId'> & { checkId?: string } | ((run: ToolRun) => Omit<Expected, 'checkId'> & { checkId?: string });
}

/** A row of the table printed at the end. */
export interface CaptureResult {
  folder: string;
  tool: ToolName;
  exit: string;
  durationMs: number;
  expected: string;
  problem?: string;
}

/** Everything a family needs to run and write captures. */
export interface CaptureContext {
  corpusDir: string;
  repoRoot: string;
  /** The throwaway gate key; never written to a capture (commands show `$LITELLM_API_KEY`). */
  key: string;
  /** A throwaway key the strict gate refuses (commands show `$WRONG_API_KEY`). */
  wrongKey: string;
  /** Versions of the servers behind the tools, for the notes. */
  servers: { everything: string; sdk: string; nginx: string };
  versions: Record<ToolName, string>;
  /** Absolute path of each tool's executable. */
  bins: Record<ToolName, string>;
  baseEnv: NodeJS.ProcessEnv;
  results: CaptureResult[];
}

/** Replaces the keys with env var names, as capture-format.md asks for commands. */
function displayCommand(argv: string[], ctx: CaptureContext): string[] {
  return argv.map((arg) => arg.split(ctx.key).join('$LITELLM_API_KEY').split(ctx.wrongKey).join('$WRONG_API_KEY'));
}

/** The streams as written: byte for byte, except the throwaway key should a tool ever print it. */
function scrub(bytes: Buffer, key: string): { bytes: Buffer; scrubbed: boolean } {
  const text = bytes.toString('latin1');
  if (!text.includes(key)) return { bytes, scrubbed: false };
  return { bytes: Buffer.from(text.split(key).join('<redacted>'), 'latin1'), scrubbed: true };
}

function describeExpected(e: Omit<Expected, 'checkId'>): string {
  const extras = [e.status !== undefined ? `status ${e.status}` : '', e.tools !== undefined ? `${e.tools} tools` : '', e.morePages ? 'more pages' : ''].filter(Boolean);
  return `${e.verdict}${e.failureClass ? `/${e.failureClass}` : ''}${extras.length ? ` (${extras.join(', ')})` : ''}`;
}

/** Runs one capture and, when it shows its scenario, writes its folder under `<corpus>/<family>/<name>/`. */
export async function makeCapture(ctx: CaptureContext, family: string, request: CaptureRequest): Promise<ToolRun> {
  const argv = [ctx.bins[request.tool], ...request.argv.slice(1)];
  const run = await runTool(argv, { env: { ...ctx.baseEnv, ...request.env }, cwd: request.cwd ?? ctx.repoRoot, timeoutMs: request.timeoutMs });
  const folder = `${family}/${request.name}`;
  const raw = typeof request.expected === 'function' ? request.expected(run) : request.expected;
  const expected = ExpectedSchema.parse({ checkId: request.checks[0], ...raw });
  const exit = run.exitCode === null ? (run.signal ?? '?') : String(run.exitCode);
  const row: CaptureResult = { folder, tool: request.tool, exit, durationMs: run.durationMs, expected: describeExpected(expected) };
  ctx.results.push(row);
  const problem = request.shows(run);
  if (problem) {
    row.problem = problem;
    return run;
  }
  const stdout = scrub(run.stdout, ctx.key);
  const stderr = scrub(run.stderr, ctx.key);
  const note = stdout.scrubbed || stderr.scrubbed ? `${request.note} (the throwaway test key the tool printed is written as <redacted>)` : request.note;
  const capture: Capture = CaptureSchema.parse({
    kind: request.kind,
    tool: { name: request.tool, version: ctx.versions[request.tool] },
    command: displayCommand(request.argv, ctx),
    exitCode: run.exitCode,
    signal: run.signal,
    durationMs: run.durationMs,
    streams: { ...(run.stdout.length ? { stdout: 'stdout.txt' } : {}), ...(run.stderr.length ? { stderr: 'stderr.txt' } : {}) },
    origin: 'loopback',
    capturedAt: run.startedAt,
    target: 'fixtures',
    checks: request.checks,
    sample: false,
    note,
  } satisfies Capture);
  const dir = path.join(ctx.corpusDir, folder);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'capture.yaml'), stringify(capture, { lineWidth: 0 }));
  if (run.stdout.length) await writeFile(path.join(dir, 'stdout.txt'), stdout.bytes);
  if (run.stderr.length) await writeFile(path.join(dir, 'stderr.txt'), stderr.bytes);
  await writeFile(path.join(dir, 'expected.yaml'), stringify(expected, { lineWidth: 0 }));
  return run;
}
