import type { EvidenceRecord } from '../schemas/evidence.ts';
import type { DriftEntry } from './model.ts';
import { timeOf } from './latest.ts';

/** The tools one run listed for one target × origin: name → schema digest ('' when unknown). */
interface Catalog {
  runId: string;
  at: number;
  tools: Map<string, string>;
}

/** Collects the tool catalog of each run per target × origin, from records that measured tools. */
function catalogsByTargetOrigin(records: readonly EvidenceRecord[]): Map<string, Map<string, Catalog>> {
  const byScope = new Map<string, Map<string, Catalog>>();
  for (const record of records) {
    const tools = record.measured.tools;
    if (!tools) continue;
    const scope = `${record.target}|${record.origin}`;
    const runs = byScope.get(scope) ?? new Map<string, Catalog>();
    byScope.set(scope, runs);
    const catalog = runs.get(record.runId) ?? { runId: record.runId, at: 0, tools: new Map() };
    runs.set(record.runId, catalog);
    catalog.at = Math.max(catalog.at, timeOf(record.finishedAt));
    for (const tool of tools) if (!catalog.tools.has(tool.name)) catalog.tools.set(tool.name, tool.schemaDigest ?? '');
  }
  return byScope;
}

/** Tools added, removed and changed (schema digest differs, both known) from `before` to `after`. */
export function diffCatalogs(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): Pick<DriftEntry, 'added' | 'removed' | 'changed'> {
  const added = [...after.keys()].filter((name) => !before.has(name)).sort();
  const removed = [...before.keys()].filter((name) => !after.has(name)).sort();
  const changed = [...after]
    .filter(([name, digest]) => {
      const old = before.get(name);
      return old !== undefined && old !== '' && digest !== '' && old !== digest;
    })
    .map(([name]) => name)
    .sort();
  return { added, removed, changed };
}

/**
 * Tool-catalog drift between the two latest runs of each target × origin that listed tools.
 * Only scopes where something changed are returned.
 */
export function findDrift(records: readonly EvidenceRecord[]): DriftEntry[] {
  const drift: DriftEntry[] = [];
  for (const [scope, runs] of catalogsByTargetOrigin(records)) {
    const [latest, previous] = [...runs.values()].sort((a, b) => b.at - a.at || (a.runId < b.runId ? 1 : -1));
    if (!latest || !previous) continue;
    const diff = diffCatalogs(previous.tools, latest.tools);
    if (diff.added.length + diff.removed.length + diff.changed.length === 0) continue;
    const [target, origin] = scope.split('|') as [string, string];
    drift.push({ target, origin, fromRun: previous.runId, toRun: latest.runId, ...diff });
  }
  return drift.sort((a, b) => (a.target + a.origin < b.target + b.origin ? -1 : 1));
}
