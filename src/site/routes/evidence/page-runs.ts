import { linkedRunIds, selectEvidenceRuns } from '../../../status/run-pages.ts';
import { getSiteStatus } from '../../site-status.ts';
import { EVIDENCE_RUNS_PER_SCOPE } from '../../settings.ts';

/** Run ids that get an `/evidence/<run>/` page: the same bounded set for the pages and the links to them. */
export async function evidencePageRuns(): Promise<Set<string>> {
  const { model, runs } = await getSiteStatus();
  return selectEvidenceRuns(runs, linkedRunIds(model), EVIDENCE_RUNS_PER_SCOPE);
}
