import type { Provenance } from '../schemas/provenance.ts';
import type { MeasuredDigest, OverallState, RowState } from './model.ts';

/** Words a reader sees for each state. */
export const STATE_LABEL: Record<RowState, string> = {
  error: 'error',
  fail: 'failing',
  degraded: 'degraded',
  stale: 'stale',
  missing: 'no evidence',
  maintenance: 'maintenance',
  flaky: 'flaky',
  'expected-fail': 'expected failure',
  limited: 'origin limitation',
  pass: 'passing',
};

/** Words for evidence that is not from the team's gateway; real evidence carries no label. */
export const PROVENANCE_LABEL: Record<Exclude<Provenance, 'real'>, string> = {
  demo: 'demo',
  sample: 'sample',
};

/** A state with its provenance, as every surface writes it in text: `passing`, `passing (demo)`. */
export function stateText(state: RowState, provenance: Provenance = 'real'): string {
  return provenance === 'real' ? STATE_LABEL[state] : `${STATE_LABEL[state]} (${PROVENANCE_LABEL[provenance]})`;
}

/** Badge colours (hex for our SVG, Shields names for the endpoint JSON). */
export const STATE_COLOR: Record<RowState, { hex: string; shields: string }> = {
  error: { hex: '#b3261e', shields: 'red' },
  fail: { hex: '#b3261e', shields: 'red' },
  degraded: { hex: '#a34f00', shields: 'orange' },
  stale: { hex: '#75682a', shields: 'yellow' },
  missing: { hex: '#767676', shields: 'lightgrey' },
  maintenance: { hex: '#0b6e80', shields: 'informational' },
  flaky: { hex: '#8a4b8f', shields: 'purple' },
  'expected-fail': { hex: '#3f6cb4', shields: 'blue' },
  limited: { hex: '#5b6bb0', shields: 'blueviolet' },
  pass: { hex: '#2d7d3a', shields: 'brightgreen' },
};

const UNITS: [number, string][] = [
  [86_400_000, 'd'],
  [3_600_000, 'h'],
  [60_000, 'm'],
];

/** A short age such as `3h`, `2d 4h` or `<1m`. */
export function formatAge(ms: number): string {
  if (ms < 60_000) return '<1m';
  const parts: string[] = [];
  let rest = ms;
  for (const [size, unit] of UNITS) {
    const count = Math.floor(rest / size);
    if (count > 0 && parts.length < 2) parts.push(`${count}${unit}`);
    rest -= count * size;
    if (parts.length > 0 && count === 0) break;
  }
  return parts.join(' ');
}

/** Measured values in one short line: `200 · 45 ms · 12 tools · 2025-06-18 · 4 pings`. */
export function formatMeasured(measured: MeasuredDigest): string {
  const parts: string[] = [];
  if (measured.status !== undefined) parts.push(String(measured.status));
  if (measured.latencyMs !== undefined) parts.push(`${measured.latencyMs} ms`);
  if (measured.toolsByServer !== undefined && Object.keys(measured.toolsByServer).length > 0) {
    parts.push(Object.entries(measured.toolsByServer).map(([server, count]) => `${server} ${count}`).join(', '));
  } else if (measured.toolCount !== undefined) parts.push(`${measured.toolCount} tools`);
  if (measured.protocolVersion !== undefined) parts.push(`MCP ${measured.protocolVersion}`);
  if (measured.pingCount !== undefined) parts.push(`${measured.pingCount} pings`);
  return parts.join(' · ');
}

/** Escapes text for XML/HTML attribute and element content. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Words for the overall state (the one line at the top of /status). */
export const OVERALL_LABEL: Record<OverallState, string> = {
  operational: 'Operational',
  degraded: 'Degraded',
  'partial-outage': 'Partial outage',
  'major-outage': 'Major outage',
  maintenance: 'Maintenance',
  unknown: 'Unknown',
};

/** Uptime as a reader sees it: `99.95%`, `100%`, or `—` when no run counts. */
export function formatUptime(percent: number | null): string {
  if (percent === null) return '—';
  if (percent === 100) return '100%';
  // Never round a shortfall up to 100%.
  return `${Math.min(99.99, Math.floor(percent * 100) / 100).toFixed(2).replace(/\.?0+$/, '')}%`;
}

/** A UTC time in one short line: `2026-11-24 15:00 UTC`. */
export function formatUtc(iso: string): string {
  return `${new Date(iso).toISOString().replace('T', ' ').slice(0, 16)} UTC`;
}
