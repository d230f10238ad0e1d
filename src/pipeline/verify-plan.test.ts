import { expect, test } from 'vitest';
import { isLoopbackOnly, isolatedArgv } from '../probes/codex-cli/isolated.ts';
import { planVerify } from './verify-plan.ts';

test.each([
  [{ baseUrl: undefined, environment: 'demo', loopbackOnly: false, isRoot: true }, 'reexec-isolated'],
  [{ baseUrl: undefined, environment: 'demo', loopbackOnly: true, isRoot: true }, 'embedded-demo'],
  [{ baseUrl: undefined, environment: 'demo', loopbackOnly: false, isRoot: false }, 'embedded-demo'],
  [{ baseUrl: 'http://127.0.0.1:9', environment: 'demo', loopbackOnly: false, isRoot: true }, 'target'],
  [{ baseUrl: undefined, environment: 'internal', loopbackOnly: false, isRoot: true }, 'target'],
])('%o → %s', (surroundings, kind) => {
  expect(planVerify(surroundings).kind).toBe(kind);
});

test('a namespace with only internal addresses counts as isolated; any external address does not', () => {
  const lo = { address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: true, cidr: '127.0.0.1/8' } as const;
  expect(isLoopbackOnly({ lo: [lo] })).toBe(true);
  expect(isLoopbackOnly({ lo: [lo], eth0: [{ ...lo, address: '10.0.0.2', internal: false, cidr: '10.0.0.2/24' }] })).toBe(false);
  expect(isolatedArgv(['codex', 'x'], false).slice(0, 3)).toEqual(['unshare', '-n', '-m']);
  expect(isolatedArgv(['codex', 'x'], true, true).slice(0, 2)).toEqual(['unshare', '-m']);
  expect(isolatedArgv(['codex', 'x'], true, false)).toEqual(['codex', 'x']);
});
