import { z } from 'astro/zod';

/**
 * Tamper evidence for evaluation/ (issue 29 §6, anchors-2.md §5.2): every step that writes evidence (a probe run,
 * a runbooks run, an import batch, a compaction, an operator adopting files) writes a manifest with the SHA-256 of
 * each file it wrote, chained to the previous manifest by that manifest's own SHA-256. `npm run verify-evidence`
 * checks every hash and every link. It proves the files are the ones written and that no step was taken out of the
 * chain; it does not prove a probe saw the truth, and a tail cut off together with `head.json` is only caught by
 * comparing the head hash with one published earlier (the site shows it).
 */

export const MANIFEST_SCHEMA_VERSION = 1 as const;

/** A SHA-256 digest as lowercase hex. */
export const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, { error: 'Expected a SHA-256 digest as 64 lowercase hex digits' });

/** What wrote a manifest. */
export const ManifestKindSchema = z.enum(['probe', 'runbooks', 'ingest', 'compact', 'adopt']);

/** One file a step wrote, as it was written. */
export const ManifestArtifactSchema = z.object({
  /** Path relative to evaluation/. @example 'runs/20261124T153000Z-sandbox-7f3a/run.json' */
  path: z.string().min(1),
  sha256: Sha256Schema,
  bytes: z.number().int().nonnegative(),
});

/** The manifest a link points back to. */
export const ManifestLinkSchema = z.object({
  sequence: z.number().int().positive(),
  /** Run or batch id of that manifest, so a missing link can be named. */
  runId: z.string(),
  /** Its file name under evaluation/manifests/. */
  file: z.string(),
  /** SHA-256 of its bytes. */
  sha256: Sha256Schema,
});

/** `evaluation/manifests/<sequence>-<run id>.json`. */
export const EvidenceManifestSchema = z.object({
  schemaVersion: z.literal(MANIFEST_SCHEMA_VERSION),
  /** 1 for the first manifest of an evaluation/ folder, then one more for each. */
  sequence: z.number().int().positive(),
  kind: ManifestKindSchema,
  /** The run id of a probe or runbooks run; a batch id (`<time>-ingest-<hex>`) for the other kinds. */
  runId: z.string().min(1),
  createdAt: z.iso.datetime({ offset: true }),
  /** Files written by this step, sorted by path. */
  artifacts: z.array(ManifestArtifactSchema),
  /** Files and folders (ending in `/`) this step deleted on purpose (compaction): earlier entries under them are gone by design. */
  removed: z.array(z.string()).default([]),
  /** Why an `adopt` manifest was written, as the operator said. */
  note: z.string().optional(),
  /** The manifest before this one; null only for the first. */
  previous: ManifestLinkSchema.nullable(),
});

/** `evaluation/manifests/head.json`: the newest manifest, so removing it is noticed. */
export const ManifestHeadSchema = ManifestLinkSchema.extend({ schemaVersion: z.literal(MANIFEST_SCHEMA_VERSION) });

export type ManifestKind = z.output<typeof ManifestKindSchema>;
export type ManifestArtifact = z.output<typeof ManifestArtifactSchema>;
export type ManifestLink = z.output<typeof ManifestLinkSchema>;
export type EvidenceManifest = z.output<typeof EvidenceManifestSchema>;
export type ManifestHead = z.output<typeof ManifestHeadSchema>;
