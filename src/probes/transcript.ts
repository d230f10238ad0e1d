import { redactCutText, redactHeaders, redactText, type SecretValue } from '../evidence/redact.ts';
import type { TranscriptEntry } from '../schemas/observation.ts';

/** Bodies longer than this are cut in the raw transcript (the probe already capped what it read). */
const MAX_BODY_IN_TRANSCRIPT = 64 * 1024;

const cut = (body: string) => (body.length > MAX_BODY_IN_TRANSCRIPT ? `${body.slice(0, MAX_BODY_IN_TRANSCRIPT)}\n[… cut at ${MAX_BODY_IN_TRANSCRIPT} characters]` : body);
const round = (value: number) => Math.round(value * 10) / 10;

/** A curl-like, redacted text transcript of a probe's requests and responses (`>` sent, `<` received, `!` error). */
export function formatTranscript(checkId: string, entries: readonly TranscriptEntry[], secrets: readonly SecretValue[]): string {
  const lines: string[] = [];
  for (const entry of entries) {
    lines.push(`# ${checkId} · ${entry.label} · at +${round(entry.atMs)} ms · took ${round(entry.durationMs)} ms`);
    lines.push(`> ${entry.request.method} ${entry.request.url}`);
    for (const [name, value] of Object.entries(redactHeaders(entry.request.headers, secrets))) lines.push(`> ${name}: ${value}`);
    if (entry.request.body !== undefined) lines.push('>', ...entry.request.body.split('\n').map((line) => `> ${line}`));
    if (entry.response) {
      lines.push(`< ${entry.response.status}`);
      for (const [name, value] of Object.entries(redactHeaders(entry.response.headers, secrets))) lines.push(`< ${name}: ${value}`);
      // Redacted before the cut (and its capped end too): a cut through a secret leaves a prefix no redaction matches.
      lines.push('<', cut(redactCutText(entry.response.body, secrets)) + (entry.response.truncated ? '\n[… body capped by the probe]' : ''));
    }
    if (entry.error) lines.push(`! ${entry.error}`);
    lines.push('');
  }
  return redactText(lines.join('\n'), secrets);
}
