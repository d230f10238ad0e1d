import { EvidenceRecordSchema, type EvidenceRecord } from '../schemas/evidence.ts';
import type { ArtifactKind, ArtifactManifest, ImportedArtifact } from '../schemas/imported-artifact.ts';
import type { Provenance } from '../schemas/provenance.ts';
import { decodeArtifact } from './decode.ts';
import { detectKind } from './detect.ts';
import type { Finding } from './finding.ts';
import { parseManifest } from './manifest.ts';
import { maskCommonSecrets } from './mask-secrets.ts';
import { defaultChecks, parsers } from './registry.ts';
import type { Unparseable } from './unparseable.ts';

/** What `importArtifact` needs; all I/O (reading the file and its sidecar) happened before. */
export interface ImportInput {
  /** Path relative to `evaluation/`, e.g. `imports/lan-mcp-tools-2025-09-18-075003.log`. */
  file: string;
  bytes: Uint8Array;
  /** Text of `<file>.meta.yaml`, when it exists. */
  manifestText?: string;
  /** ISO time to use when neither the manifest nor the file name says when it was captured (the file's mtime). */
  modifiedAt: string;
  /** Value-based redaction (src/evidence/redact.ts); pattern masking runs after it regardless. */
  redact?: (text: string) => string;
  /** Size on disk when `bytes` were not read (the file was refused unread). */
  size?: number;
  /** Why the file or its meta file was not read (a link out of evaluation/, a folder, too big): the artifact is unparseable. */
  unreadable?: string;
}

/** Origin used when no manifest says where an artifact was captured. */
export const UNKNOWN_ORIGIN = 'unknown';

/** `…-2025-09-18-075003.log` → `2025-09-18T07:50:03Z`; `…-2025-09-18.txt` → midnight UTC. */
export function capturedAtFromName(file: string): string | undefined {
  const match = /(\d{4})-(\d{2})-(\d{2})(?:[-_T](\d{2})(\d{2})(\d{2}))?(?!\d)/.exec(file.split('/').at(-1) ?? '');
  if (!match) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00'] = match;
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}Z`;
  return Number.isNaN(Date.parse(iso)) ? undefined : iso;
}

function checksFor(finding: Finding, kind: Exclude<ArtifactKind, 'unknown'>, manifest: ArtifactManifest | undefined): string[] {
  if (finding.checkId) return [finding.checkId];
  if (manifest?.checks.length) return manifest.checks;
  const fallback = finding.likelyCheck ?? defaultChecks[kind];
  return fallback ? [fallback] : [];
}

function toRecords(file: string, kind: Exclude<ArtifactKind, 'unknown'>, findings: Finding[], meta: { origin: string; target: string; capturedAt: string; provenance: Provenance }, manifest?: ArtifactManifest): EvidenceRecord[] {
  return findings.flatMap((finding) =>
    checksFor(finding, kind, manifest).map((checkId) =>
      EvidenceRecordSchema.parse({
        checkId,
        target: meta.target,
        origin: meta.origin,
        runId: `import:${file}`,
        provenance: meta.provenance,
        startedAt: finding.startedAt ?? meta.capturedAt,
        finishedAt: finding.finishedAt ?? finding.startedAt ?? meta.capturedAt,
        verdict: finding.verdict,
        failureClass: finding.failureClass,
        summary: finding.summary,
        measured: finding.measured,
        conditions: finding.conditions ?? [],
        artifacts: [{ label: `imported ${kind}`, path: file }],
        source: { type: 'import', kind, file, ...(finding.line && finding.line > 0 ? { line: finding.line } : {}) },
      }),
    ),
  );
}

/**
 * Column labels and values such as `Has Bearer Token`, `Bearer Token Env Var` and `Auth: Bearer token` in
 * Codex output look like a Bearer credential to the redaction patterns. They are shielded (decoded text
 * never holds NUL, so the marker is unambiguous), redacted, then restored.
 */
function redactKeepingLabels(text: string, redact: ((text: string) => string) | undefined): string {
  const shielded = text.replace(/\bBearer (token|Token)\b/g, 'Bearer\u0000$1');
  const redacted = maskCommonSecrets(redact ? redact(shielded) : shielded);
  return redacted.replace(/Bearer\u0000/g, 'Bearer ');
}


/**
 * Turns one imported file into an ImportedArtifact: manifest → decode → redact → detect kind → parse →
 * one EvidenceRecord per finding × check. Pure; never throws for any input bytes.
 */
export function importArtifact(input: ImportInput): ImportedArtifact {
  const fallback = { origin: UNKNOWN_ORIGIN, target: 'internal', capturedAt: capturedAtFromName(input.file) ?? input.modifiedAt, provenance: 'real' as const };
  const size = input.size ?? input.bytes.length;
  let manifest: ArtifactManifest | undefined;
  let base = { file: input.file, ...fallback, bytes: size, records: [] as EvidenceRecord[] };
  const fail = (kind: ArtifactKind, unparseable: Unparseable): ImportedArtifact => ({ ...base, kind, unparseable });
  const redactMessage = (message: string) => redactKeepingLabels(message, input.redact);
  try {
    if (input.unreadable) return fail('unknown', { reason: input.unreadable });
    const parsedManifest = input.manifestText === undefined ? undefined : parseManifest(input.manifestText, `${input.file}.meta.yaml`);
    manifest = parsedManifest && 'manifest' in parsedManifest ? parsedManifest.manifest : undefined;
    base = {
      ...base,
      origin: manifest?.origin ?? fallback.origin,
      target: manifest?.target ?? fallback.target,
      capturedAt: manifest?.capturedAt ?? fallback.capturedAt,
      provenance: manifest?.sample ? 'sample' : 'real',
    } as typeof base;
    // A meta file's error may quote it, and it is text from elsewhere too.
    if (parsedManifest && 'unparseable' in parsedManifest) return fail('unknown', { ...parsedManifest.unparseable, reason: redactMessage(parsedManifest.unparseable.reason) });
    const decoded = decodeArtifact(input.bytes);
    if ('unparseable' in decoded) return fail(manifest?.kind ?? 'unknown', decoded.unparseable);
    const text = redactKeepingLabels(decoded.text, input.redact);
    const kind = manifest?.kind ?? detectKind(input.file, text);
    if (kind === 'unknown') {
      const name = input.file.split('/').at(-1);
      return fail(kind, { reason: `no parser recognises this file; add ${name}.meta.yaml with a \`kind:\` (one of ${Object.keys(parsers).join(', ')})`, line: 1 });
    }
    const outcome = parsers[kind](text);
    if ('unparseable' in outcome) return fail(kind, outcome.unparseable);
    return { ...base, kind, records: toRecords(input.file, kind, outcome.findings, base, manifest), unparseable: null };
  } catch (error) {
    // A bug in a parser, the manifest reader or redaction must show up as an unparseable entry, never break the
    // build; the message is redacted before it is cut (it may quote the input).
    const message = String((error as Error)?.message ?? error);
    try {
      const redacted = redactMessage(message);
      return fail(manifest?.kind ?? 'unknown', { reason: `import failed: ${redacted.length > 300 ? `${redacted.slice(0, 299)}…` : redacted}` });
    } catch {
      // Redaction itself failed: the message may quote a secret, so it is not shown.
      return fail(manifest?.kind ?? 'unknown', { reason: `import failed (${(error as Error)?.name ?? 'error'}; its message is not shown because redaction failed)` });
    }
  }
}
