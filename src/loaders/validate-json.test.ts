import { expect, test } from 'vitest';
import { makeRun } from '../../tests/loaders/evaluation-fixture.ts';
import { parseJsonRun } from '../evidence/scan.ts';
import { EvalRunSchema } from '../schemas/eval-run.ts';
import { validateJsonText } from './validate-json.ts';

const locate = (text: string) => parseJsonRun(text, 'evaluation/runs/r/run.json');
const good = JSON.stringify(makeRun('20260301T100000Z-sandbox-aaaa', '2026-03-01T10:00:00Z', { 'mcp.tools-list': 'pass' }), null, 2);

test('returns what the located parser returns, without calling it for valid text', () => {
  let located = 0;
  const data = validateJsonText(EvalRunSchema, good, (text) => (located++, locate(text)));
  expect(data).toEqual(locate(good));
  expect(located).toBe(0);
});

test.each([
  ['a wrong field', good.replace('"pass"', '"green"'), /run\.json:\d+ → records\[0\]\.verdict: Invalid option/],
  ['truncated JSON', good.slice(0, 40), /run\.json → \(root\): not valid JSON/],
])('throws the located error for %s', (_name, text, message) => {
  expect(() => validateJsonText(EvalRunSchema, text, locate)).toThrow(message);
});
