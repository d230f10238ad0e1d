import type { AuthMatrixCheck } from '../schemas/check.ts';
import { authHeaders, joinUrl, type ProbeContext } from './context.ts';
import { sendRequest } from './http-client.ts';
import { sendOptions } from './http.ts';
import type { AuthCaseObservation, AuthMatrixObservation } from '../schemas/observation.ts';

const KEY_MODES = { none: 'none', wrong: 'wrong-key', right: 'key' } as const;

/** The headers of one case: the key in the check's key header, plus the Bearer the check puts beside it. */
function caseHeaders(check: AuthMatrixCheck, ctx: ProbeContext, key: keyof typeof KEY_MODES): Record<string, string> {
  const headers = authHeaders(ctx, KEY_MODES[key], check.wrongKey);
  if (check.keyHeader === 'authorization') return headers;
  const moved: Record<string, string> = headers.authorization ? { 'x-litellm-api-key': headers.authorization } : {};
  return check.bearer === 'wrong' ? { ...moved, ...authHeaders(ctx, 'wrong-key', check.wrongKey) } : moved;
}

/** `kind: auth-matrix`: every path with each key the check gives an expectation for, one request at a time. */
export async function probeAuthMatrix(check: AuthMatrixCheck, ctx: ProbeContext): Promise<AuthMatrixObservation> {
  const t0 = ctx.now();
  const cases: AuthCaseObservation[] = [];
  const transcript = [];
  for (const row of check.paths) {
    for (const key of ['none', 'wrong', 'right'] as const) {
      if (row[key] === undefined) continue;
      const exchange = await sendRequest(
        {
          label: `${row.method} ${row.path} (${key} key)`,
          method: row.method,
          url: joinUrl(ctx.baseUrl, row.path),
          headers: caseHeaders(check, ctx, key),
        },
        // Bodies are only classified (Traefik 404 vs LiteLLM 401), so a small cap keeps a matrix cheap.
        { ...sendOptions(ctx, t0), maxBodyBytes: Math.min(ctx.maxBodyBytes, 16 * 1024) },
      );
      transcript.push(exchange.entry);
      cases.push({ path: row.path, method: row.method, key, response: exchange.response, failure: exchange.failure });
    }
  }
  const failure = cases.find((c) => c.failure)?.failure ?? null;
  return { kind: 'auth-matrix', failure, cases, latencyMs: ctx.now() - t0, transcript };
}
