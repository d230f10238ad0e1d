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

/** Version of the stored entry; 4 dropped the highlighted `artifacts:<run>` entries, 5 added uptime per check, 6 the run heads' target and versions. An older store is recomputed. */
export const STORED_VERSION = 6;

/**
 * The `statusEvidence` collection's one entry, `latest`: the distilled evidence as JSON text. The content layer
 * writes its store out value by value (devalue) on every build; as objects, the ~18,000 values of 200 checks × 3
 * origins took ~50 ms of each build to write, as one string ~1 ms.
 */
export const StatusEvidenceSchema = z.object({ schemaVersion: z.literal(STORED_VERSION), json: z.string() });
export type StoredStatusEvidence = z.output<typeof StatusEvidenceSchema>;

/** The `latest` entry's content. */
export function decodeStatusEvidence(stored: StoredStatusEvidence): StatusEvidence {
  return JSON.parse(stored.json) as StatusEvidence;
}
