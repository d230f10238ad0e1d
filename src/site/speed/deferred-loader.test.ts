import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, expect, test } from 'vitest';

// deferredLoader's import() must reach Node's own loader, which the test runner's module sandbox does not
// offer to code it evaluates; so each case runs in a plain `node` process, as the loaders do under Astro.

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'proofbook-deferred-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const deferredModule = pathToFileURL(path.resolve(import.meta.dirname, 'deferred-loader.ts')).href;
const loaderSource = `export function makeLoader(label: string) { globalThis.imports = (globalThis.imports ?? 0) + 1; return { name: 'inner', load: async (ctx: { calls: string[] }) => { ctx.calls.push(label); } }; }\n`;

/** Runs `body` (TypeScript, with `deferredLoader` and `target`, a file URL, in scope) in a fresh Node process; returns what it prints. */
async function inNode(target: string, body: string): Promise<unknown> {
  const script = path.join(dir, 'case.ts');
  await writeFile(script, `import { deferredLoader } from ${JSON.stringify(deferredModule)};\nconst target = new URL(${JSON.stringify(pathToFileURL(target).href)});\n${body}\n`);
  const { stdout } = await promisify(execFile)(process.execPath, [script], { timeout: 20_000 });
  return JSON.parse(stdout);
}

test('imports the module with Node on the first load, once, and delegates every load to the loader it makes', async () => {
  const target = path.join(dir, 'loader.ts');
  await writeFile(target, loaderSource);
  const result = await inNode(
    target,
    `const loader = deferredLoader('outer', target, (m: any) => m.makeLoader('made'));
const ctx = { calls: [] as string[] };
await loader.load(ctx as never);
await loader.load(ctx as never);
console.log(JSON.stringify({ name: loader.name, calls: ctx.calls, imports: (globalThis as any).imports }));`,
  );
  expect(result).toEqual({ name: 'outer', calls: ['made', 'made'], imports: 1 });
});

test('a module that cannot be imported fails the load naming the loader and the file, and is tried again next time', async () => {
  const target = path.join(dir, 'later.ts');
  const result = await inNode(
    target,
    `import { writeFile } from 'node:fs/promises';
const loader = deferredLoader('proofbook-test-loader', target, (m: any) => m.makeLoader('later'));
const ctx = { calls: [] as string[] };
const error = await loader.load(ctx as never).then(() => 'loaded', (e: Error) => e.message);
await writeFile(target, ${JSON.stringify(loaderSource)});
await loader.load(ctx as never);
console.log(JSON.stringify({ error, calls: ctx.calls }));`,
  );
  expect(result).toEqual({ error: expect.stringMatching(new RegExp(`^loader proofbook-test-loader: importing ${target.replaceAll('/', '\\/')} failed: Cannot find module`)), calls: ['later'] });
});
