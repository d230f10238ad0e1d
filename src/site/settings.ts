// Settings the site reads from the environment when it is built, in one place.
import { DEFAULT_EVIDENCE_RUNS_PER_SCOPE } from '../status/run-pages.ts';

/** Latest runs per environment × origin that get an evidence page (env PROOFBOOK_EVIDENCE_RUNS). */
export const EVIDENCE_RUNS_PER_SCOPE = Number(process.env.PROOFBOOK_EVIDENCE_RUNS ?? DEFAULT_EVIDENCE_RUNS_PER_SCOPE);
