import { parse as parseYaml } from 'yaml';
import type { Check } from '../schemas/check.ts';
import { CaptureSchema, type Capture } from '../schemas/capture.ts';
import type { CaptureStream, EvidenceRecord } from '../schemas/evidence.ts';
import type { ImportedArtifact } from '../schemas/imported-artifact.ts';
import type { CapturedText } from './captured-text.ts';
import { decodeArtifact } from './decode.ts';
import { fileReadings } from './file-records.ts';
import { redactKeepingLabels } from './import-artifact.ts';
import { parseImportYaml } from './manifest.ts';
import { parsers } from './registry.ts';
import type { Unparseable } from './unparseable.ts';

/** The file that makes a folder under evaluation/imports/ one capture (src/schemas/capture.ts). */
export const CAPTURE_FILE = 'capture.yaml';

/** What `importCapture` needs; the files were read before (src/evidence/read-import.ts). */
export interface CaptureInput {
  /** The folder, relative to `evaluation/`, e.g. `imports/lan-host/tools-list`. */
  dir: string;
  /** Text of its capture.yaml. */
  captureText: string;
  /** Bytes of each file capture.yaml names (see streamFilesOf); undefined for a named file that is not there. */
  files: Record<string, Uint8Array | undefined>;
  /** ISO time to use when nothing else says when it was captured. */
  modifiedAt: string;
  redact?: (text: string) => string;
  /** The check catalog (src/config/). */
  checks: readonly Check[];
}

/** The stream file names a capture.yaml names, read leniently so the reader knows what to read; capture.yaml itself is validated by importCapture. */
export function streamFilesOf(captureText: string): string[] {
  try {
    const streams = CaptureSchema.shape.streams.safeParse((parseYaml(captureText) as { streams?: unknown } | null)?.streams);
    return streams.success ? [...new Set(Object.values(streams.data).filter((name): name is string => Boolean(name)))] : [];
  } catch (error) {
    // Broken YAML: importCapture reports it with its line; there is nothing to read.
    if (error instanceof Error) return [];
    throw error;
  }
}

/** Each named stream as redacted text ('' for a stream that printed nothing), or why one cannot be read. */
function streamTexts(capture: Capture, input: CaptureInput): { text: Record<'stdout' | 'stderr', string> } | { unparseable: Unparseable } {
  const text = { stdout: '', stderr: '' };
  for (const stream of ['stdout', 'stderr'] as const) {
    const name = capture.streams[stream];
    if (!name) continue;
    const bytes = input.files[name];
    if (bytes === undefined) return { unparseable: { reason: `${input.dir}/${CAPTURE_FILE} names ${stream}: ${name}, which is not in the folder` } };
    if (bytes.length === 0) continue;
    const decoded = decodeArtifact(bytes);
    if ('unparseable' in decoded) return { unparseable: { reason: `${input.dir}/${name}: ${decoded.unparseable.reason}`, ...(decoded.unparseable.line ? { line: decoded.unparseable.line } : {}) } };
    text[stream] = redactKeepingLabels(decoded.text, input.redact);
  }
  return { text };
}

/**
 * Turns one capture folder (capture.yaml + the stream files it names) into ONE ImportedArtifact (issue 24 item 3):
 * stdout, stderr, exit code and command are read together by the kind's parser, each reading judged by the checks
 * capture.yaml names (or found by content), and every record says which stream decided. Pure; never throws.
 */
export function importCapture(input: CaptureInput): ImportedArtifact {
  const bytes = Object.values(input.files).reduce((n, b) => n + (b?.length ?? 0), Buffer.byteLength(input.captureText));
  const fallback = { file: input.dir, kind: 'unknown' as const, origin: 'unknown', target: 'internal', capturedAt: input.modifiedAt, provenance: 'real' as const, bytes, records: [] as EvidenceRecord[] };
  const parsed = parseImportYaml(CaptureSchema, input.captureText, `${input.dir}/${CAPTURE_FILE}`, 'capture');
  if ('unparseable' in parsed) return { ...fallback, unparseable: parsed.unparseable };
  const capture = parsed.value;
  const base = { ...fallback, kind: capture.kind, origin: capture.origin, target: capture.target, capturedAt: capture.capturedAt, provenance: capture.sample ? ('sample' as const) : ('real' as const) };
  try {
    const streams = streamTexts(capture, input);
    if ('unparseable' in streams) return { ...base, unparseable: streams.unparseable };
    const captured: CapturedText = { ...streams.text, separate: true, exitCode: capture.exitCode, command: capture.command, durationMs: capture.durationMs };
    const outcome = parsers[capture.kind](captured);
    if ('unparseable' in outcome) return { ...base, unparseable: outcome.unparseable };
    const artifacts = [
      { label: `${capture.tool.name} ${capture.tool.version}: ${CAPTURE_FILE}`, path: `${input.dir}/${CAPTURE_FILE}` },
      ...(Object.entries(capture.streams) as [CaptureStream, string][]).map(([stream, name]) => ({ label: `${capture.kind} ${stream}`, path: `${input.dir}/${name}`, bytes: input.files[name]?.length ?? 0 })),
    ];
    const meta = { file: input.dir, kind: capture.kind, origin: capture.origin, target: capture.target, capturedAt: capture.capturedAt, provenance: base.provenance, checks: capture.checks, durationMs: capture.durationMs, artifacts, metaFile: `${input.dir}/${CAPTURE_FILE}`, metaAdvice: `name them in ${input.dir}/${CAPTURE_FILE} with \`checks: [<check id>]\`` };
    const filed = fileReadings(outcome.readings, meta, input.checks);
    if ('unparseable' in filed) return { ...base, unparseable: filed.unparseable };
    return { ...base, records: filed.records, unparseable: null };
  } catch (error) {
    // A bug in a parser or in redaction must show up as an unparseable entry, never break the build; the message is
    // redacted before it is cut (it may quote the input), and not shown at all when redaction is what failed.
    const message = String((error as Error)?.message ?? error);
    let reason: string;
    try {
      const redacted = redactKeepingLabels(message, input.redact);
      reason = `import failed: ${redacted.length > 300 ? `${redacted.slice(0, 299)}…` : redacted}`;
    } catch {
      reason = `import failed (${(error as Error)?.name ?? 'error'}; its message is not shown because redaction failed)`;
    }
    return { ...base, unparseable: { reason } };
  }
}
