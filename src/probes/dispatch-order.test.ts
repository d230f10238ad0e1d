import { expect, test } from 'vitest';
import { CheckSchema } from '../schemas/check.ts';
import { dispatchOrder } from './dispatch-order.ts';

const check = (id: string, kind: string, extra: object = {}) => CheckSchema.parse({ id, title: id, kind, ...(kind === 'http' ? { path: '/x' } : {}), ...(kind === 'client-profile' ? { client: 'codex' } : {}), ...extra });

test('SSE captures start first, longest window first (per environment); the rest keep file order', () => {
  const checks = [
    check('clients.codex', 'client-profile'),
    check('health.live', 'http'),
    check('sse.short', 'sse-capture', { window: '1s' }),
    check('clients.codex-cli', 'codex-cli'),
    check('sse.long', 'sse-capture', { window: '5s', timeout: '10s', byEnvironment: { demo: { window: '500ms' } } }),
  ];
  expect(dispatchOrder(checks, 'internal')).toEqual([4, 2, 0, 1, 3]);
  expect(dispatchOrder(checks, 'demo')).toEqual([2, 4, 0, 1, 3]);
});
