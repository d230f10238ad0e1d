import { expect, test } from 'vitest';
import { DEFAULT_KEY_FILE, DEMO_PING_INTERVAL_MS, parseGatewayCliArgs } from './cli-args.ts';

test('defaults: loopback, free port, key to be generated', () => {
  expect(parseGatewayCliArgs([], {})).toEqual({
    host: '127.0.0.1', port: 0, pingIntervalMs: DEMO_PING_INTERVAL_MS, postgresUrl: undefined, filesystemRoot: undefined,
    masterKey: null, keyFile: DEFAULT_KEY_FILE, quiet: false,
  });
});

test('flags and env vars', () => {
  const config = parseGatewayCliArgs(['--port', '4000', '--ping-interval-ms', '100', '--quiet'], {
    PROOFBOOK_DEMO_GATEWAY_KEY: 'sk-env',
    PROOFBOOK_DEMO_POSTGRES_URL: 'postgresql://u@127.0.0.1:5432/db',
  });
  expect(config).toMatchObject({ port: 4000, pingIntervalMs: 100, quiet: true, masterKey: 'sk-env', postgresUrl: 'postgresql://u@127.0.0.1:5432/db' });
});

test('a bad port names the flag', () => {
  expect(() => parseGatewayCliArgs(['--port', 'abc'], {})).toThrowErrorMatchingInlineSnapshot(`[Error: --port: expected an integer >= 0, received "abc"]`);
});
