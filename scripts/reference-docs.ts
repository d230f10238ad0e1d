// `npm run docs:reference [-- --check]`: writes the reference pages of the content files (content/docs/reference/
// checks.md, gateway.md, baseline.md, outstanding.md) from the zod schemas and their JSDoc. --check only
// compares: exit 1 when a page is out of date.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateReferencePages } from '../src/reference-docs/generate.ts';
import { defineCommand } from '../src/cli/command.ts';

const { values } = defineCommand({
  name: 'docs:reference',
  summary: 'Write the reference pages of the content files from the zod schemas and their JSDoc.',
  options: { check: { type: 'boolean', description: 'only compare; exit 1 when a page is out of date' } },
  examples: ['npm run docs:reference', 'npm run docs:reference -- --check'],
}).parse();

const root = process.cwd();
let stale = 0;
for (const [file, text] of Object.entries(await generateReferencePages(root))) {
  const current = await readFile(path.join(root, file), 'utf8').catch(() => '');
  if (current === text) continue;
  stale++;
  if (values.check) console.error(`${file} is out of date: run npm run docs:reference`);
  else {
    await writeFile(path.join(root, file), text);
    console.log(`wrote ${file}`);
  }
}
process.exitCode = values.check && stale ? 1 : 0;
