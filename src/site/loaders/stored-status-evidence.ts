import { z } from 'astro/zod';
import type { EvidenceDigest } from '../../status/evidence-digest.ts';
import type { CheckHistory } from '../../status/uptime.ts';

/** What /status needs, distilled from evaluation/. */
export interface StatusEvidence {
  /** Records inside were validated when their run was read. */
  digest: EvidenceDigest;
  /** Each check's bar, uptime and flake rate over the history window (src/status/uptime.ts). */
  history: { from: string; to: string; byCheck: Record<string, CheckHistory> };
}

/** Version of the stored entry; 4 dropped the highlighted `artifacts:<run>` entries, 5 added uptime per check, 6 the run heads' target and versions, 7 stores the evidence as objects rather than one JSON string, 8 the run heads' provenance. An older store is recomputed. */
export const STORED_VERSION = 8;

/**
 * The `statusEvidence` collection's one entry, `latest`. The loader computed it from records already validated
 * when their run was read, so the schema checks only its shape's top.
 */
export const StatusEvidenceSchema = z.object({
  schemaVersion: z.literal(STORED_VERSION),
  evidence: z.custom<StatusEvidence>((value) => typeof value === 'object' && value !== null && 'digest' in value && 'history' in value),
});
export type StoredStatusEvidence = z.output<typeof StatusEvidenceSchema>;
