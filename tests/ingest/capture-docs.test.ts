// The capture.yaml examples on the reference page are valid captures: a reader who copies one gets no error.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { CaptureSchema } from '../../src/schemas/capture.ts';

const page = readFileSync(path.resolve(import.meta.dirname, '../../content/docs/reference/capturing-evidence.md'), 'utf8');
const examples = [...page.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);

test('the page shows a curl, an Inspector and a Codex example', () => {
  expect(examples.map((text) => (parseYaml(text) as { kind: string }).kind)).toEqual(['curl-transcript', 'inspector-cli', 'codex-mcp-list-json']);
});

test.each(examples.map((text, i) => [i, text]))('example %i is a valid capture.yaml', (_i, text) => {
  expect(CaptureSchema.safeParse(parseYaml(text as string)).error).toBeUndefined();
});
