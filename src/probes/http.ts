import type { HttpCheck } from '../schemas/check.ts';
import { authHeaders, joinUrl, type ProbeContext } from './context.ts';
import { sendRequest, type SendOptions } from './http-client.ts';
import type { HttpObservation } from '../schemas/observation.ts';

/** Options for one request from a probe context. */
export function sendOptions(ctx: ProbeContext, t0: number): SendOptions {
  return { dispatcher: ctx.dispatcher, signal: ctx.signal, maxBodyBytes: ctx.maxBodyBytes, now: ctx.now, t0 };
}

/** `kind: http`: one request; status, headers, body and latency are observed, not judged. */
export async function probeHttp(check: HttpCheck, ctx: ProbeContext): Promise<HttpObservation> {
  const t0 = ctx.now();
  const exchange = await sendRequest(
    {
      label: `${check.method} ${check.path}`,
      method: check.method,
      url: joinUrl(ctx.baseUrl, check.path),
      headers: { ...check.headers, ...authHeaders(ctx, check.auth) },
      ...(check.body !== undefined ? { body: check.body } : {}),
    },
    sendOptions(ctx, t0),
  );
  return {
    kind: 'http',
    failure: exchange.failure,
    response: exchange.response,
    latencyMs: ctx.now() - t0,
    transcript: [exchange.entry],
  };
}
