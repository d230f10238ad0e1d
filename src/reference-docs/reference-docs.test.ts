import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { checkKindSchemas } from '../schemas/check.ts';
import { parseBaselineFile } from '../config/baseline-file.ts';
import { parseChecksFile } from '../config/checks-file.ts';
import { parseGatewayFile } from '../config/gateway-file.ts';
import { parseOutstandingFile } from '../config/outstanding-file.ts';
import { generateReferencePages, REFERENCE_PAGES } from './generate.ts';

const root = path.resolve(import.meta.dirname, '../..');
const pages = await generateReferencePages(root);

test('the committed reference pages are what the schemas and their JSDoc generate (npm run docs:reference)', async () => {
  for (const [file, text] of Object.entries(pages)) expect(await readFile(path.join(root, file), 'utf8'), `${file} is stale: run npm run docs:reference`).toBe(text);
});

test('every field in every table says what it is (a field without JSDoc fails here)', () => {
  const bare = Object.entries(pages).flatMap(([file, text]) => text.split('\n').filter((line) => /^\| `[^`]+` \|/.test(line) && /\|\s*\|$/.test(line)).map((line) => `${file}: ${line}`));
  expect(bare).toEqual([]);
});

test('each check kind has its section, with every field of its schema and an example from content/checks', () => {
  const page = pages[REFERENCE_PAGES.checks]!;
  for (const [kind, schema] of Object.entries(checkKindSchemas)) {
    const section = page.split(/^## /m).find((part) => part.startsWith(`\`kind: ${kind}\``)) ?? '';
    expect(section, kind).toContain('```yaml');
    const shape = (schema as unknown as { _zod: { def: { shape?: object; in?: { _zod: { def: { shape: object } } } } } })._zod.def;
    for (const field of Object.keys(shape.shape ?? shape.in!._zod.def.shape)) expect(page, `${kind}.${field}`).toContain(`| \`${field}\` |`);
  }
});

test.each([
  ['checks', () => parseChecksFile('checks:\n  - id: a.b\n    title: x\n    kind: http\n    path: /x\n    timout: 5s\n', 'content/checks/x.yaml')],
  ['gateway', () => parseGatewayFile('schemaVersion: 1\nname: g\nenvironments: {}\nnmae: x\n', 'content/gateway.yaml')],
  ['baseline', () => parseBaselineFile('schemaVersion: 1\nentries: []\nentires: []\n')],
  ['outstanding', () => parseOutstandingFile('schemaVersion: 1\nitems: []\nitem: []\n')],
])('a mistake in the %s file points at the reference page that lists its fields', async (_name, parse) => {
  let message = '';
  try {
    parse();
  } catch (error) {
    message = (error as Error).message;
  }
  const page = /hint: every field: (content\/docs\/reference\/[a-z-]+\.md)|hint: every field of each kind: (content\/docs\/reference\/[a-z-]+\.md)/.exec(message);
  const file = page?.[1] ?? page?.[2];
  expect(file, message).toBeDefined();
  expect(Object.keys(pages)).toContain(file);
});
