import type { RowState } from './model.ts';
import type { Provenance } from '../schemas/provenance.ts';
import { escapeXml, STATE_COLOR, stateText } from './present.ts';

/** Rough width of 11px Verdana text; good enough for a badge that never wraps. */
function textWidth(text: string): number {
  return Math.round(text.length * 6.6 + 10);
}

/** A flat two-part SVG badge: `label | state`. */
export function renderBadgeSvg(label: string, state: RowState, provenance: Provenance = 'real'): string {
  const message = stateText(state, provenance);
  const left = textWidth(label);
  const right = textWidth(message);
  const width = left + right;
  const [l, m] = [escapeXml(label), escapeXml(message)];
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${l}: ${m}">` +
    `<title>${l}: ${m}</title>` +
    `<rect width="${left}" height="20" fill="#555"/><rect x="${left}" width="${right}" height="20" fill="${STATE_COLOR[state].hex}"/>` +
    `<g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11" text-anchor="middle">` +
    `<text x="${left / 2}" y="14">${l}</text><text x="${left + right / 2}" y="14">${m}</text></g></svg>`
  );
}

/** Shields.io endpoint JSON (https://shields.io/badges/endpoint-badge). */
export function shieldsEndpoint(label: string, state: RowState, provenance: Provenance = 'real'): { schemaVersion: 1; label: string; message: string; color: string } {
  return { schemaVersion: 1, label, message: stateText(state, provenance), color: STATE_COLOR[state].shields };
}
