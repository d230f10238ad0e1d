import { expect, test } from 'vitest';
import { GatewaySchema } from '../schemas/gateway.ts';
import { collectSecrets, redactDeep, redactHeaders, redactText } from './redact.ts';

const secrets = [{ name: 'LITELLM_API_KEY', value: 'sk-abc"123/xyz' }];

test.each([
  ['raw', 'key=sk-abc"123/xyz end', 'key=[redacted:LITELLM_API_KEY] end'],
  ['JSON-escaped', '{"k":"sk-abc\\"123/xyz"}', '{"k":"[redacted:LITELLM_API_KEY]"}'],
  ['URL-encoded', '?key=sk-abc%22123%2Fxyz', '?key=[redacted:LITELLM_API_KEY]'],
  ['base64', Buffer.from('sk-abc"123/xyz').toString('base64'), '[redacted:LITELLM_API_KEY]'],
  ['any Bearer credential', 'authorization: Bearer sk-someone-else', 'authorization: Bearer [redacted]'],
])('redactText removes the %s form', (_name, input, expected) => {
  expect(redactText(input, secrets)).toBe(expected);
});

test('sensitive headers lose their value whatever it is; others are redacted by value', () => {
  expect(redactHeaders({ Authorization: 'Bearer x', 'x-litellm-api-key': 'k', cookie: 'a=b', 'set-cookie': ['s=1', 's=2'], 'x-echo': 'sk-abc"123/xyz', accept: 'text/event-stream' }, secrets)).toEqual({
    Authorization: '[redacted]', 'x-litellm-api-key': '[redacted]', cookie: '[redacted]', 'set-cookie': '[redacted]', 'x-echo': '[redacted:LITELLM_API_KEY]', accept: 'text/event-stream',
  });
});

test('redactDeep walks keys and values', () => {
  expect(redactDeep({ a: ['sk-abc"123/xyz'], 'sk-abc"123/xyz': 1, n: 2 }, secrets)).toEqual({ a: ['[redacted:LITELLM_API_KEY]'], '[redacted:LITELLM_API_KEY]': 1, n: 2 });
});

test('collectSecrets reads keyEnv and adminKeyEnv of every environment, by name', () => {
  const gateway = GatewaySchema.parse({
    schemaVersion: 1, name: 'g',
    environments: { a: { label: 'a', baseUrl: 'http://a', keyEnv: 'K1', adminKeyEnv: 'K2', servers: ['s'] }, b: { label: 'b', baseUrl: 'http://b', keyEnv: 'K3', servers: ['s'] } },
  });
  expect(collectSecrets(gateway, { K1: 'value-one', K2: 'value-two', K3: 'abc', OTHER: 'not-a-secret' })).toEqual([{ name: 'K1', value: 'value-one' }, { name: 'K2', value: 'value-two' }]);
});
