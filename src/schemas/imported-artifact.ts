import { z } from 'astro/zod';
import { EvidenceRecordSchema, OriginSchema } from './evidence.ts';
import { ProvenanceSchema } from './provenance.ts';
import { CheckIdSchema } from './check-id.ts';

/** Kinds of captured logs a parser exists for. `unknown` is what an artifact is when nothing recognises it. */
export const ArtifactKindSchema = z.enum([
  'sse-capture',
  'codex-mcp-list',
  'codex-mcp-list-json',
  'codex-mcp-get',
  'codex-mcp-get-json',
  'codex-doctor-json',
  'inspector-cli',
  'curl-transcript',
  'openwebui-test-log',
  'junit-xml',
  'unknown',
]);

/** `<file>.meta.yaml` beside an imported log: says what it is when the name and content do not. */
export const ArtifactManifestSchema = z.object({
  /** Which parser reads the file. @example 'sse-capture' */
  kind: ArtifactKindSchema.exclude(['unknown']),
  /** Where it was captured. @example 'lan-host' */
  origin: OriginSchema,
  /** When it was captured (ISO 8601 with offset). @example '2025-09-18T07:50:03Z' */
  capturedAt: z.iso.datetime({ offset: true }),
  /** Gateway environment it was captured against. @example 'internal' */
  target: z.string().default('internal'),
  /** Checks this evidence speaks for. @example ['sse.heartbeat'] */
  checks: z.array(CheckIdSchema).default([]),
  /** Free text shown next to the evidence. */
  note: z.string().optional(),
  /** A hand-written example rather than a capture from a real run: its evidence is labelled sample everywhere and closes nothing. */
  sample: z.boolean().default(false),
});

/** Why an artifact could not be read, and where. Shown on the site; never silently dropped. */
export const UnparseableSchema = z.object({
  reason: z.string(),
  /** 1-based line the parser stopped at, when it knows. */
  line: z.number().int().positive().optional(),
});

/** One imported file after parsing: its records, or why it has none. */
export const ImportedArtifactSchema = z.object({
  /** Path relative to `evaluation/`, e.g. `imports/lan-mcp-tools-2025-09-18-075003.log`. */
  file: z.string(),
  kind: ArtifactKindSchema,
  origin: OriginSchema,
  capturedAt: z.iso.datetime({ offset: true }),
  target: z.string(),
  /** `sample` for a hand-written example, else `real` (src/schemas/provenance.ts). */
  provenance: ProvenanceSchema,
  bytes: z.number().int().nonnegative(),
  records: z.array(EvidenceRecordSchema),
  unparseable: UnparseableSchema.nullable(),
});

export type ArtifactKind = z.output<typeof ArtifactKindSchema>;
export type ArtifactManifest = z.output<typeof ArtifactManifestSchema>;
export type ArtifactManifestInput = z.input<typeof ArtifactManifestSchema>;
export type ImportedArtifact = z.output<typeof ImportedArtifactSchema>;
