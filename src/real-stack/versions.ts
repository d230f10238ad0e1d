/**
 * What ran: the LiteLLM version from its readiness route and the Traefik version from Traefik's own API. Parsing is
 * pure; `fetchJson` is the one I/O helper, bounded in time and bytes.
 */

/** `litellm_version` from a readiness body, or undefined. 1.10x answers it only on `/health/readiness/details` (with a key). */
export function liteLLMVersionOf(body: unknown): string | undefined {
  const version = (body as { litellm_version?: unknown } | null)?.litellm_version;
  return typeof version === 'string' && version.length > 0 ? version : undefined;
}

/** `Version` from Traefik's `/api/version`. */
export function traefikVersionOf(body: unknown): string | undefined {
  const version = (body as { Version?: unknown } | null)?.Version;
  return typeof version === 'string' && version.length > 0 ? version : undefined;
}

/** GETs JSON within 5 s and 64 KiB; undefined on any failure (a missing version is recorded as missing, not guessed). */
export async function fetchJson(url: string, headers: Record<string, string> = {}): Promise<unknown> {
  try {
    const response = await fetch(url, { headers, redirect: 'manual', signal: AbortSignal.timeout(5000) });
    if (!response.ok) {
      await response.body?.cancel();
      return undefined;
    }
    const text = await response.text();
    return text.length > 64 * 1024 ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}
