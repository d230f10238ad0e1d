import type { GatewayFingerprint } from '../schemas/eval-run.ts';
import type { DriftEntry, GatewayVersions, VersionChange } from '../schemas/status.ts';
import type { RunHead } from './run-pages.ts';

/**
 * The software behind each target × origin and its drift between runs (issue 26, DESIGN.md "Depth where a green
 * list can lie"): every run records the LiteLLM and Traefik versions that answered it, so a change in the tool
 * catalog that follows an upgrade is told apart from one that does not. Pure: run heads in, model fields out.
 */

const SOFTWARE = [
  ['litellm', 'litellmVersion'],
  ['traefik', 'traefikVersion'],
] as const;

/** What a run names as its target; older heads without one name their environment. */
export const targetOf = (head: Pick<RunHead, 'target' | 'environment'>): string => head.target ?? head.environment;

/** The scope a run's versions belong to. */
export const versionScope = (head: Pick<RunHead, 'target' | 'environment' | 'origin'>): string => `${targetOf(head)}|${head.origin}`;

/**
 * The versions that differ from `before` to `after`; a version known on one side only is not a change. Undefined
 * when either run recorded no versions at all: then nothing can be said.
 */
export function versionChanges(before: GatewayFingerprint | undefined, after: GatewayFingerprint | undefined): VersionChange[] | undefined {
  if (!before || !after) return undefined;
  return SOFTWARE.flatMap(([software, field]) => {
    const [from, to] = [before[field], after[field]];
    return from !== undefined && to !== undefined && from !== to ? [{ software, from, to }] : [];
  });
}

const newestFirst = (a: RunHead, b: RunHead) => Date.parse(b.finishedAt) - Date.parse(a.finishedAt) || (a.runId < b.runId ? 1 : -1);

/** Per target × origin: the newest run that recorded versions, and what changed since the one before it. */
export function gatewayVersions(heads: readonly RunHead[]): GatewayVersions[] {
  const byScope = new Map<string, RunHead[]>();
  for (const head of heads) {
    if (!head.gateway) continue;
    byScope.set(versionScope(head), [...(byScope.get(versionScope(head)) ?? []), head]);
  }
  const out: GatewayVersions[] = [];
  for (const runs of byScope.values()) {
    const [latest, previous] = runs.sort(newestFirst) as [RunHead, RunHead | undefined];
    out.push({
      target: targetOf(latest),
      origin: latest.origin,
      runId: latest.runId,
      finishedAt: latest.finishedAt,
      provenance: latest.provenance,
      ...latest.gateway,
      ...(previous ? { previousRun: previous.runId } : {}),
      changes: versionChanges(previous?.gateway, latest.gateway) ?? [],
    });
  }
  return out.sort((a, b) => (a.target + a.origin < b.target + b.origin ? -1 : 1));
}

/** Tool-catalog drift entries marked with the version changes between their two runs (left unmarked when unknown). */
export function markVersionChanges(drift: readonly DriftEntry[], heads: readonly RunHead[]): DriftEntry[] {
  const gatewayOf = new Map(heads.map((head) => [head.runId, head.gateway]));
  return drift.map((entry) => {
    const changes = versionChanges(gatewayOf.get(entry.fromRun), gatewayOf.get(entry.toRun));
    return changes === undefined ? entry : { ...entry, versionChanges: changes };
  });
}

/** How a version change reads on /status and in summaries: `LiteLLM 1.107.0 → 1.108.4`. */
export function describeChange(change: VersionChange): string {
  return `${change.software === 'litellm' ? 'LiteLLM' : 'Traefik'} ${change.from} → ${change.to}`;
}
