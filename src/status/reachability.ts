import type { EvidenceRecord, FailureClass } from '../schemas/evidence.ts';
import { rowKey } from './model.ts';

/**
 * Failures that mean "could not get there from here": name resolution, a refused connection, or a
 * timeout before any HTTP response (no status measured). Anything later came from the gateway.
 */
export function isReachabilityFailure(record: Pick<EvidenceRecord, 'verdict' | 'failureClass' | 'measured'>): boolean {
  if (record.verdict === 'pass') return false;
  if (record.failureClass === 'dns' || record.failureClass === 'tcp_refused') return true;
  return record.failureClass === 'timeout' && record.measured.status === undefined;
}

/** A row whose failure is a limitation of its origin, with the origins that pass the same check × target. */
export interface OriginScoped {
  failureClass: FailureClass;
  passingOrigins: string[];
}

/**
 * Finds origin-scoped limitations among the latest records: a reachability failure from one origin
 * while another origin passes the same check × target with fresh evidence.
 * `isFreshPass(key)` tells whether the row under that key passes and is fresh.
 */
export function findOriginLimitations(
  latest: readonly EvidenceRecord[],
  isFreshPass: (key: string) => boolean,
): Map<string, OriginScoped> {
  const originsByCheckTarget = new Map<string, string[]>();
  for (const record of latest) {
    const key = `${record.checkId}|${record.target}`;
    const origins = originsByCheckTarget.get(key) ?? [];
    origins.push(record.origin);
    originsByCheckTarget.set(key, origins);
  }
  const found = new Map<string, OriginScoped>();
  for (const record of latest) {
    if (!isReachabilityFailure(record) || record.failureClass === null) continue;
    const passingOrigins = (originsByCheckTarget.get(`${record.checkId}|${record.target}`) ?? [])
      .filter((origin) => origin !== record.origin && isFreshPass(rowKey(record.checkId, record.target, origin)))
      .sort();
    if (passingOrigins.length > 0) {
      found.set(rowKey(record.checkId, record.target, record.origin), { failureClass: record.failureClass, passingOrigins });
    }
  }
  return found;
}
