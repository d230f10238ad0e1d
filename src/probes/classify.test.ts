import { expect, test } from 'vitest';
import { classifyError } from './classify.ts';

const err = (code: string, cause?: unknown) => Object.assign(new Error(code), { code, ...(cause ? { cause } : {}) });

test.each([
  ['getaddrinfo ENOTFOUND', err('ENOTFOUND'), 'dns'],
  ['EAI_AGAIN (no resolver in a sandbox)', err('EAI_AGAIN'), 'dns'],
  ['ECONNREFUSED wrapped by undici', Object.assign(new TypeError('fetch failed'), { cause: err('ECONNREFUSED') }), 'tcp_refused'],
  ['AggregateError of refusals (IPv4 + IPv6)', Object.assign(new AggregateError([err('ECONNREFUSED'), err('ECONNREFUSED')]), { code: 'ECONNREFUSED' }), 'tcp_refused'],
  ['self-signed certificate', err('DEPTH_ZERO_SELF_SIGNED_CERT'), 'tls'],
  ['hostname mismatch', err('ERR_TLS_CERT_ALTNAME_INVALID'), 'tls'],
  ['undici headers timeout', err('UND_ERR_HEADERS_TIMEOUT'), 'timeout'],
  ['other side closed', err('UND_ERR_SOCKET'), 'protocol'],
  ['unknown error', new Error('boom'), 'protocol'],
])('%s → %s', (_name, error, expected) => {
  expect(classifyError(error).failureClass).toBe(expected);
});

test('once the deadline signal fired, anything is a timeout with the deadline as message', () => {
  const controller = new AbortController();
  controller.abort(new Error('deadline of 500 ms reached'));
  expect(classifyError(err('UND_ERR_SOCKET'), controller.signal)).toEqual({ failureClass: 'timeout', message: 'deadline of 500 ms reached', code: 'UND_ERR_SOCKET' });
});
