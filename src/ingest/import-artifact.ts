import type { Check } from '../schemas/check.ts';
import type { EvidenceRecord } from '../schemas/evidence.ts';
import type { ArtifactKind, ArtifactManifest, ImportedArtifact } from '../schemas/imported-artifact.ts';
import { singleFile } from './captured-text.ts';
import { decodeArtifact } from './decode.ts';
import { detectKindByContent, kindByName } from './detect.ts';
import { fileReadings } from './file-records.ts';
import { parseManifest } from './manifest.ts';
import { maskCommonSecrets } from './mask-secrets.ts';
import { parsers } from './registry.ts';
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
  /** The check catalog (src/config/): each record is judged by its check's own definition. */
  checks: readonly Check[];
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

/**
 * Column labels and values such as `Has Bearer Token`, `Bearer Token Env Var`, `Auth: Bearer token` and doctor's
 * "bearer token env var … is not set" in Codex output look like a Bearer credential to the redaction patterns. They are shielded (decoded text
 * never holds NUL, so the marker is unambiguous), redacted, then restored.
 */
export function redactKeepingLabels(text: string, redact: ((text: string) => string) | undefined): string {
  // Any case: `codex doctor` says "bearer token env var LITELLM_API_KEY is not set".
  const shielded = text.replace(/\b(bearer) (token)\b/gi, '$1\u0000$2');
  const redacted = maskCommonSecrets(redact ? redact(shielded) : shielded);
  return redacted.replace(/\b(bearer)\u0000/gi, '$1 ');
}


/**
 * Turns one imported file into an ImportedArtifact: manifest → decode → redact → detect kind → parse into observations
 * → each judged by the checks it speaks for (src/checks/). Pure; never throws for any input bytes.
 */
export function importArtifact(input: ImportInput): ImportedArtifact {
  const fallback = { origin: UNKNOWN_ORIGIN, target: 'internal', capturedAt: capturedAtFromName(input.file) ?? input.modifiedAt, provenance: 'real' as const };
  let manifest: ArtifactManifest | undefined;
  let meta: { origin: string; target: string; capturedAt: string; provenance: 'real' | 'sample' } = fallback;
  const base = () => ({ file: input.file, ...meta, bytes: input.size ?? input.bytes.length, records: [] as EvidenceRecord[] });
  const fail = (kind: ArtifactKind, unparseable: Unparseable): ImportedArtifact => ({ ...base(), kind, unparseable });
  const redactMessage = (message: string) => redactKeepingLabels(message, input.redact);
  // Everything from the meta file on is inside the boundary (issue 25 item 7): no input may throw past it.
  try {
    if (input.unreadable) return fail('unknown', { reason: input.unreadable });
    const parsedManifest = input.manifestText === undefined ? undefined : parseManifest(input.manifestText, `${input.file}.meta.yaml`);
    manifest = parsedManifest && 'manifest' in parsedManifest ? parsedManifest.manifest : undefined;
    meta = {
      origin: manifest?.origin ?? fallback.origin,
      target: manifest?.target ?? fallback.target,
      capturedAt: manifest?.capturedAt ?? fallback.capturedAt,
      provenance: manifest?.sample ? 'sample' : 'real',
    };
    // A meta file's error may quote it, and it is text from elsewhere too.
    if (parsedManifest && 'unparseable' in parsedManifest) return fail('unknown', { ...parsedManifest.unparseable, reason: redactMessage(parsedManifest.unparseable.reason) });
    const decoded = decodeArtifact(input.bytes);
    if ('unparseable' in decoded) return fail(manifest?.kind ?? 'unknown', decoded.unparseable);
    const text = redactKeepingLabels(decoded.text, input.redact);
    // Without a meta file the content decides; a file name is only a hint, never a guess to parse by (issue 24 item 4).
    const kind = manifest?.kind ?? detectKindByContent(text);
    const name = input.file.split('/').at(-1);
    if (kind === 'unknown') {
      const hint = kindByName(input.file);
      return fail(kind, { reason: `no parser recognises this file${hint ? ` (its name suggests ${hint})` : ''}: it needs a meta file; add ${name}.meta.yaml with a \`kind:\` (one of ${Object.keys(parsers).join(', ')}), \`origin:\`, \`capturedAt:\` and \`checks:\` (see /reference/capturing-evidence/)`, line: 1 });
    }
    const outcome = parsers[kind](singleFile(text));
    if ('unparseable' in outcome) return fail(kind, outcome.unparseable);
    const artifacts = [{ label: `imported ${kind}`, path: input.file }];
    const filed = fileReadings(outcome.readings, { ...meta, file: input.file, kind, checks: manifest?.checks ?? [], artifacts, metaFile: `${name}.meta.yaml`, metaAdvice: `add ${name}.meta.yaml with \`kind: ${kind}\`, \`origin:\`, \`capturedAt:\` and \`checks: [<check id>]\`` }, input.checks);
    if ('unparseable' in filed) return fail(kind, filed.unparseable);
    return { ...base(), kind, records: filed.records, unparseable: null };
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
