/**
 * Pattern-based masking that always runs over imported text, in addition to the value-based
 * `redactText` of src/evidence/redact.ts: a log captured on another host can carry keys whose
 * values this machine never knew (issue 6, "Bearer tokens / sk-… keys in imported logs must be masked").
 */
const patterns: [RegExp, string][] = [
  [/\b(Bearer)\s+(?!\*{3,}|<|\$|\{)[A-Za-z0-9._~+/=-]{4,}/gi, '$1 ****'],
  [/\bsk-(?!\*{3,})[A-Za-z0-9_-]{4,}/g, 'sk-****'],
  [/\b(x-litellm-api-key|x-api-key|api-key)(["']?\s*[:=]\s*["']?)(?!Bearer\b)(?!\*{3,})[A-Za-z0-9._~+/=-]{8,}/gi, '$1$2****'],
  [/\b([A-Z][A-Z0-9_]*(?:KEY|TOKEN|SECRET|PASSWORD))=(?!\*{3,})(?!-\s|$)[^\s"']{4,}/g, '$1=****'],
];

/** Masks bearer tokens, `sk-…` keys and `*_KEY=value` assignments; idempotent. */
export function maskCommonSecrets(text: string): string {
  let out = text;
  for (const [pattern, replacement] of patterns) out = out.replace(pattern, replacement);
  return out;
}
