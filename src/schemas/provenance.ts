import { z } from 'astro/zod';

/**
 * Where a record came from. `real`: probed or captured from the team's gateway. `demo`: the demo gateway
 * answered (it says so in every response). `sample`: a hand-written example (`sample: true` in its meta file).
 * Only real evidence closes an outstanding item; every surface labels the others.
 */
export const ProvenanceSchema = z.enum(['real', 'demo', 'sample']);
export type Provenance = z.output<typeof ProvenanceSchema>;

/** The response header by which the demo gateway identifies itself on every answer. */
export const DEMO_GATEWAY_HEADER = 'x-proofbook-demo-gateway';
