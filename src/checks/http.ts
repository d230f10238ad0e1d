import type { HttpCheck, JsonExpectation } from '../schemas/check.ts';
import type { HttpObservation, ResponseObservation } from '../schemas/observation.ts';
import { parseJsonBody, readJsonPath } from './json-path.ts';
import { condition, decide, ms, type CheckOutcome, type Condition } from './outcome.ts';

/** Status conditions, shared with other kinds: a miss is an `http_status` failure. */
export function statusCondition(expected: number | readonly number[], status: number | undefined): Condition {
  const list = Array.isArray(expected) ? expected : [expected];
  const text = list.length === 1 ? `status == ${list[0]}` : `status in [${list.join(', ')}]`;
  return condition(text, status !== undefined && list.includes(status), status ?? '(no response)', { failureClass: 'http_status' });
}

function jsonConditions(expectations: readonly JsonExpectation[], response: ResponseObservation | null): Condition[] {
  const body = response ? parseJsonBody(response.body) : ({ ok: false } as const);
  return expectations.map((e) => {
    const got = body.ok ? readJsonPath(body.value, e.path) : { found: false, value: response ? '(not JSON)' : '(no response)' };
    if (e.exists !== undefined) return condition(`[BODY].${e.path} ${e.exists ? 'exists' : 'is absent'}`, got.found === e.exists, got.found ? got.value : '(absent)');
    if (e.matches !== undefined) return condition(`[BODY].${e.path} =~ /${e.matches}/`, got.found && new RegExp(e.matches).test(String(got.value)), got.value);
    return condition(`[BODY].${e.path} == ${JSON.stringify(e.equals)}`, got.found && got.value === e.equals, got.value);
  });
}

/** Conditions of an `http` check over what was observed. */
export function httpConditions(check: HttpCheck, obs: HttpObservation): Condition[] {
  const r = obs.response;
  const out = [statusCondition(check.expect.status, r?.status)];
  for (const [name, text] of Object.entries(check.expect.headers ?? {})) {
    const got = r?.headers[name.toLowerCase()];
    out.push(condition(`[HEADER].${name} contains "${text}"`, got !== undefined && got.toLowerCase().includes(text.toLowerCase()), got));
  }
  if (check.expect.bodyContains !== undefined) {
    out.push(condition(`[BODY] contains "${check.expect.bodyContains}"`, r?.body.includes(check.expect.bodyContains) ?? false, r?.body.slice(0, 120)));
  }
  out.push(...jsonConditions(check.expect.json ?? [], r));
  if (check.expect.maxLatency !== undefined) {
    out.push(condition(`latency <= ${check.expect.maxLatency} ms`, (r?.latencyMs ?? Infinity) <= check.expect.maxLatency, ms(r?.latencyMs), { severity: 'degrade' }));
  }
  return out;
}

/** Evaluates an `http` check: pure function of the check and the observation. */
export function evaluateHttp(check: HttpCheck, obs: HttpObservation): CheckOutcome {
  const r = obs.response;
  const measured = r
    ? { status: r.status, latencyMs: round(r.latencyMs), bytes: r.bytes, ...(r.headers['content-type'] ? { contentType: r.headers['content-type'] } : {}) }
    : { latencyMs: round(obs.latencyMs) };
  return decide(httpConditions(check, obs), obs.failure, measured, `${r?.status} in ${ms(r?.latencyMs)}`);
}

/** Latencies are kept to 0.1 ms: finer is noise. */
export function round(value: number): number {
  return Math.round(value * 10) / 10;
}
