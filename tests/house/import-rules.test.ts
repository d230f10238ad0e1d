// The rules of the house (issue 23, STYLE.md §11): the imports that would break the pipeline's direction.
// Each rule names a folder of src/ and the folders it must not import from; "the Astro edge" is src/site/
// (plus the content config), and any import of `astro` or `@astrojs/*` other than `astro/zod`, which is only
// the zod library (STYLE.md §3: one copy of zod).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const src = path.join(root, 'src');

/** A stage of src/: its folder, or `astro` for the Astro packages themselves. */
type Place = string;

const ASTRO_EDGE = ['site', 'content.config.ts', 'env.d.ts', 'astro'];

/** What each folder must not import from. */
const forbidden: Record<Place, Place[]> = {
  checks: ['probes', 'evidence', 'config', 'ingest', 'clients', 'status', 'demo-gateway', 'pipeline', ...ASTRO_EDGE],
  ingest: ['probes', 'evidence', 'status', 'demo-gateway', 'pipeline', ...ASTRO_EDGE],
  status: ['probes', 'evidence', 'config', 'ingest', 'clients', 'demo-gateway', 'pipeline', ...ASTRO_EDGE],
  clients: ['probes', 'evidence', 'status', 'demo-gateway', 'pipeline', ...ASTRO_EDGE],
  probes: ['demo-gateway', 'pipeline', 'status', ...ASTRO_EDGE],
  evidence: ['probes', 'status', 'demo-gateway', 'pipeline', ...ASTRO_EDGE],
  config: ['probes', 'evidence', 'status', 'ingest', 'checks', 'clients', 'demo-gateway', 'pipeline', ...ASTRO_EDGE],
  schemas: ['checks', 'ingest', 'status', 'clients', 'probes', 'evidence', 'config', 'util', 'demo-gateway', 'pipeline', 'runbooks', 'real-stack', ...ASTRO_EDGE],
  util: ['checks', 'ingest', 'status', 'clients', 'probes', 'evidence', 'config', 'schemas', 'demo-gateway', 'pipeline', 'runbooks', 'real-stack', ...ASTRO_EDGE],
  'demo-gateway': ['probes', 'checks', 'evidence', 'ingest', 'status', 'clients', 'config', 'pipeline', ...ASTRO_EDGE],
  pipeline: ASTRO_EDGE,
  runbooks: ['status', 'demo-gateway', ...ASTRO_EDGE],
  'real-stack': ['demo-gateway', 'status', ...ASTRO_EDGE],
  cli: ['checks', 'ingest', 'status', 'clients', 'probes', 'evidence', 'config', 'demo-gateway', 'pipeline', 'runbooks', 'real-stack', 'reference-docs', ...ASTRO_EDGE],
  'reference-docs': ['checks', 'ingest', 'status', 'clients', 'probes', 'evidence', 'demo-gateway', 'pipeline', 'runbooks', 'real-stack', 'cli', ...ASTRO_EDGE],
};

/** Folders nothing else may import from (besides themselves): the demo gateway is a program of its own. */
const importedByNobody = ['demo-gateway'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|mts|mjs|astro)$/.test(entry.name) && !/\.test(-d)?\.ts$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Every module specifier a file names: static and dynamic imports, `typeof import()`, re-exports. */
function specifiers(file: string): string[] {
  let text = readFileSync(file, 'utf8');
  if (file.endsWith('.astro')) text = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
  const found = ts.preProcessFile(text, true, true).importedFiles.map((ref) => ref.fileName);
  // Worker and deferred-loader entry points are named as URLs, not imports.
  for (const match of text.matchAll(/new URL\(\s*['"](\.[^'"]+)['"]\s*,\s*import\.meta\.url/g)) found.push(match[1]!);
  return found;
}

/** The place a specifier points at, or undefined for packages other than Astro's and for Node built-ins. */
function placeOf(file: string, spec: string): Place | undefined {
  if (spec === 'astro/zod') return undefined;
  if (spec === 'astro' || spec.startsWith('astro:') || spec.startsWith('astro/') || spec.startsWith('@astrojs/')) return 'astro';
  if (!spec.startsWith('.')) return undefined;
  const target = path.relative(src, path.resolve(path.dirname(file), spec));
  if (target.startsWith('..')) return undefined;
  return target.split(path.sep)[0];
}

function violations(): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(src)) {
    const place = path.relative(src, file).split(path.sep)[0]!;
    for (const spec of specifiers(file)) {
      const target = placeOf(file, spec);
      if (target === undefined || target === place) continue;
      const rel = path.relative(root, file);
      if (forbidden[place]?.includes(target)) found.push(`${rel}: imports ${spec} (${place} must not import ${target})`);
      else if (importedByNobody.includes(target)) found.push(`${rel}: imports ${spec} (nothing in src/ imports ${target})`);
    }
  }
  return found;
}

test('src/ keeps the rules of the house: no import against the pipeline direction', () => {
  expect(violations()).toEqual([]);
});

test('every folder of src/ is placed by a rule, so a new folder cannot slip past them', () => {
  const folders = readdirSync(src, { withFileTypes: true }).filter((entry) => entry.isDirectory() && entry.name !== 'public').map((entry) => entry.name);
  const placed = new Set([...Object.keys(forbidden), 'site']);
  expect(folders.filter((name) => !placed.has(name))).toEqual([]);
});

test('the rule reader sees imports of every form (it would miss violations otherwise)', () => {
  const sample = path.join(src, 'checks', 'example.ts');
  const specs = ['../probes/x.ts', 'astro:content', 'astro/zod', '../site/y.ts', 'node:fs', './z.ts'];
  expect(specs.map((spec) => placeOf(sample, spec))).toEqual(['probes', 'astro', undefined, 'site', undefined, 'checks']);
  const text = "import a from '../probes/a.ts';\nexport { b } from '../evidence/b.ts';\nconst c = await import('../site/c.ts');\ntype D = typeof import('../config/d.ts');";
  expect(ts.preProcessFile(text, true, true).importedFiles.map((ref) => ref.fileName)).toEqual(['../probes/a.ts', '../evidence/b.ts', '../site/c.ts', '../config/d.ts']);
});
