import type { AuthMatrixCheck, AuthOutcome } from '../schemas/check.ts';
import type { AuthMatrixObservation, ResponseObservation } from '../schemas/observation.ts';
import { round } from './http.ts';
import { condition, decide, type CheckOutcome } from './outcome.ts';

const TRAEFIK_404_BODY = '404 page not found';

/** Names what answered: Traefik's own 404 (no router matched), LiteLLM's 401, or just the status. */
export function describeResponse(response: ResponseObservation): string {
  if (response.status === 404 && response.body.trim() === TRAEFIK_404_BODY) return '404 traefik-404';
  if (response.status === 401) return '401 litellm-401';
  return String(response.status);
}

/** Whether a response is the outcome an auth-matrix row expects. */
export function matchesOutcome(expected: AuthOutcome, response: ResponseObservation): boolean {
  const isTraefik404 = response.status === 404 && response.body.trim() === TRAEFIK_404_BODY;
  switch (expected) {
    case 'ok':
      return response.status >= 200 && response.status < 400;
    case 'traefik-404':
      return isTraefik404;
    case 'litellm-401':
      return response.status === 401;
    case 'refused':
      return isTraefik404 || response.status === 401 || response.status === 403;
    default:
      return response.status === expected;
  }
}

/** Where the key went, when not in `Authorization`, for condition texts. */
function keyPlacement(check: AuthMatrixCheck): string {
  if (check.keyHeader === 'authorization') return '';
  return check.bearer === 'wrong' ? ' in x-litellm-api-key (Authorization: wrong Bearer)' : ' in x-litellm-api-key (no Authorization)';
}

/** Evaluates an `auth-matrix` check: one condition per path × key. */
export function evaluateAuthMatrix(check: AuthMatrixCheck, obs: AuthMatrixObservation): CheckOutcome {
  const authCases = [];
  const conditions = [];
  for (const c of obs.cases) {
    const row = check.paths.find((r) => r.path === c.path && r.method === c.method);
    const expected = row?.[c.key];
    if (expected === undefined) continue;
    const actual = c.response ? describeResponse(c.response) : `no response (${c.failure?.failureClass})`;
    const ok = c.response ? matchesOutcome(expected, c.response) : false;
    authCases.push({ path: c.path, key: c.key, expected: String(expected), actual, ok });
    conditions.push(condition(`${c.method} ${c.path} with ${c.key} key${keyPlacement(check)} → ${expected}`, ok, actual, { failureClass: c.failure?.failureClass ?? 'http_status' }));
  }
  const passed = authCases.filter((c) => c.ok).length;
  // A transport failure only decides the verdict when nothing answered at all; otherwise the cases speak.
  const allFailed = obs.cases.length > 0 && obs.cases.every((c) => c.failure);
  return decide(conditions, allFailed ? obs.failure : null, { authCases, latencyMs: round(obs.latencyMs) }, `${passed}/${authCases.length} cases as expected`);
}
