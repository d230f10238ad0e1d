import type { SseCaptureCheck } from '../schemas/check.ts';
import type { SseItem, SseObservation } from '../schemas/observation.ts';
import { round } from './http.ts';
import { condition, decide, ms, type CheckOutcome, type Condition } from './outcome.ts';

/** What a stream's items add up to: keep-alives and the gaps between them, events, whether a catalog arrived. */
export interface SseSummary {
  pingCount: number;
  pingIntervalsMs: number[];
  eventCount: number;
  catalogSeen: boolean;
}

/** The check as it applies to one environment: `byEnvironment` overrides merged in. */
export function resolveSseCheck(check: SseCaptureCheck, environmentId: string): SseCaptureCheck {
  const override = check.byEnvironment?.[environmentId];
  if (!override) return check;
  return {
    ...check,
    window: override.window ?? check.window,
    maxBytes: override.maxBytes ?? check.maxBytes,
    maxEvents: override.maxEvents ?? check.maxEvents,
    timeout: override.timeout ?? check.timeout,
    expect: { ...check.expect, ...Object.fromEntries(Object.entries(override.expect ?? {}).filter(([, v]) => v !== undefined)) },
  };
}

/**
 * Any SSE comment line is a keep-alive: sse-starlette (LiteLLM) sends `: ping - <timestamp>` (litellm-traefik.md §1.2),
 * the MCP TypeScript SDK `: keepalive`; a comment carries nothing else a client could use.
 */
export function isPing(item: SseItem): boolean {
  return item.type === 'comment';
}

/** True when an event carries a tool catalog: a `tools` array at the top, in `result` or in `params`. */
export function carriesCatalog(item: SseItem): boolean {
  if (item.type !== 'event') return false;
  try {
    const value = JSON.parse(item.data) as Record<string, Record<string, unknown> | undefined>;
    return [value, value?.result, value?.params].some((v) => Array.isArray((v as Record<string, unknown> | undefined)?.tools));
  } catch {
    // Not JSON: fall back to the text, so a catalog in an unexpected framing is still noticed.
    return item.data.includes('"tools"');
  }
}

/** The server's own clock in a `: ping - 2025-09-18 07:50:03.123456+00:00` comment, in epoch ms, if it has one. */
export function pingTimestamp(item: SseItem): number | undefined {
  if (item.type !== 'comment') return undefined;
  const match = /ping\s*-\s*(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d+)?)(Z|[+-]\d{2}:\d{2})?\s*$/.exec(item.text);
  if (!match) return undefined;
  const at = Date.parse(`${match[1]}T${match[2]}${match[3] ?? 'Z'}`);
  return Number.isNaN(at) ? undefined : at;
}

/**
 * Counts pings and the gaps between them, and looks for a catalog. Gaps come from the pings' own timestamps when
 * every ping has one: arrival times bunch up when two pings land in one read on a busy machine.
 */
export function summariseItems(items: readonly SseItem[]): SseSummary {
  const pingItems = items.filter(isPing);
  const stamps = pingItems.map(pingTimestamp);
  const arrivals = pingItems.map((item) => item.atMs);
  // A capture has no arrival times; without timestamps in the pings either, the gaps are unknown (not zero).
  const times = stamps.every((at) => at !== undefined) ? stamps : arrivals.every((at) => at !== undefined) ? arrivals : [];
  const pings = times as number[];
  return {
    pingCount: pingItems.length,
    pingIntervalsMs: pings.slice(1).map((at, i) => Math.round((at - (pings[i] ?? at)) * 10) / 10),
    eventCount: items.filter((item) => item.type === 'event').length,
    catalogSeen: items.some(carriesCatalog),
  };
}

/**
 * Keep-alives a stream watched for `windowMs` must show: the check's `minPings`, but no more than the window can hold
 * at the expected interval, and at least one (a 20 s capture at a 15 s interval can hold one; a full window without any
 * keep-alive is a miss whatever its length).
 */
export function requiredPings(check: SseCaptureCheck, windowMs: number): number {
  const interval = check.expect.pingInterval;
  if (interval === undefined || interval <= 0) return check.expect.minPings;
  return Math.min(check.expect.minPings, Math.max(1, Math.floor(windowMs / interval)));
}

/** Conditions of an `sse-capture` check (after per-environment overrides). */
export function sseConditions(check: SseCaptureCheck, obs: SseObservation, seen: SseSummary = summariseItems(obs.items)): Condition[] {
  const e = check.expect;
  const windowMs = obs.windowMs ?? check.window;
  const minPings = requiredPings(check, windowMs);
  const out: Condition[] = [
    condition('stream opens with text/event-stream', obs.streamOpen, obs.status === undefined ? '(no response)' : `${obs.status} ${obs.contentType ?? ''}`.trim(), { failureClass: obs.status !== undefined && obs.status >= 400 ? 'http_status' : 'protocol' }),
    condition(`pings >= ${minPings} within ${windowMs} ms`, seen.pingCount >= minPings, seen.pingCount),
  ];
  if (e.catalog !== 'any') {
    out.push(condition(`catalog ${e.catalog === 'absent' ? 'never arrives' : 'arrives'} on the stream`, seen.catalogSeen === (e.catalog === 'present'), seen.catalogSeen ? 'catalog seen' : 'no catalog'));
  }
  if (e.pingInterval !== undefined && seen.pingIntervalsMs.length) {
    const low = e.pingInterval * (1 - e.pingTolerance);
    const high = e.pingInterval * (1 + e.pingTolerance);
    const ok = seen.pingIntervalsMs.every((gap) => gap >= low && gap <= high);
    out.push(condition(`ping interval ≈ ${e.pingInterval} ms (±${Math.round(e.pingTolerance * 100)} %)`, ok, seen.pingIntervalsMs.map((gap) => Math.round(gap)).join(', '), { severity: 'degrade' }));
  }
  return out;
}

/** Evaluates an `sse-capture` check: pure function of the check and the observation. */
export function evaluateSse(raw: SseCaptureCheck, obs: SseObservation, environmentId: string): CheckOutcome {
  const check = resolveSseCheck(raw, environmentId);
  const seen = summariseItems(obs.items);
  const measured = {
    ...(obs.status !== undefined ? { status: obs.status } : {}),
    ...(obs.contentType ? { contentType: obs.contentType } : {}),
    latencyMs: round(obs.headersMs ?? obs.latencyMs),
    ...seen,
    bytes: obs.bytes,
    extra: { stopped: obs.stopped, windowMs: obs.windowMs ?? null },
  };
  const catalog = seen.catalogSeen ? 'catalog seen' : 'no catalog';
  // A capture has no time to the headers; it says how long it watched instead.
  const summary = obs.headersMs === undefined
    ? `${seen.pingCount} keep-alives in ${obs.windowMs === undefined ? 'a capture of unknown length' : `${Math.round(obs.windowMs)} ms`}, ${catalog}`
    : `stream open in ${ms(obs.headersMs)}; ${seen.pingCount} pings in ${Math.round(obs.latencyMs)} ms, ${catalog}`;
  return decide(sseConditions(check, obs, seen), obs.failure, measured, summary);
}
