// Seeds and mutations for the property tests of issue 25 item 14: real inputs (the real-tool fixtures, the capture
// corpus as today's import reads it, the shipped samples and their meta files) and ways to damage them.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { listCaptureFolders, readCapture, type CorpusEntry } from '../captures/read-corpus.ts';

const repo = path.resolve(import.meta.dirname, '../..');

/** A real input, with the kind its capture says it is when known. */
export interface Seed {
  name: string;
  bytes: Buffer;
  kind?: string;
}

/** Every capture of the real corpus (tests/captures/corpus). */
export const corpusEntries: CorpusEntry[] = listCaptureFolders().map((id) => readCapture(id));

/** A capture as one file, the way a user saves it: stdout, then stderr, then an `exit code: N` line. */
function asOneFile(entry: CorpusEntry): Buffer {
  const parts = [entry.stdout, entry.stderr].filter((b) => b.length).map((b) => (b.at(-1) === 0x0a ? b : Buffer.concat([b, Buffer.from('\n')])));
  const exit = entry.capture.exitCode === null ? `signal: ${entry.capture.signal}` : `exit code: ${entry.capture.exitCode}`;
  return Buffer.concat([...parts, Buffer.from(`${exit}\n`)]);
}

function filesIn(dir: string, keep: (name: string) => boolean): Seed[] {
  return readdirSync(dir).filter(keep).sort().map((name) => ({ name, bytes: readFileSync(path.join(dir, name)) }));
}

/** Every real capture: tests/ingest/fixtures/real, tests/captures/corpus (one file per capture) and evaluation/imports. */
export function captureSeeds(): Seed[] {
  const fixtures = filesIn(path.join(repo, 'tests/ingest/fixtures/real'), (name) => !name.endsWith('.exit'));
  const samples = filesIn(path.join(repo, 'evaluation/imports'), (name) => !name.endsWith('.meta.yaml'));
  const corpus = corpusEntries.flatMap((entry) => [
    { name: entry.id, bytes: asOneFile(entry), kind: entry.capture.kind },
    ...[entry.stdout, entry.stderr].filter((b) => b.length).map((bytes) => ({ name: entry.id, bytes, kind: entry.capture.kind })),
  ]);
  return [...fixtures, ...samples, ...corpus];
}

/** Real YAML: the project's content files and the shipped meta files. */
export function yamlSeeds(): Seed[] {
  return [
    ...filesIn(path.join(repo, 'content'), (name) => name.endsWith('.yaml')),
    ...filesIn(path.join(repo, 'content/checks'), (name) => name.endsWith('.yaml')).map((seed) => ({ ...seed, name: `checks/${seed.name}` })),
    ...filesIn(path.join(repo, 'evaluation/imports'), (name) => name.endsWith('.meta.yaml')),
  ];
}

/** One way to damage a text: cut it, splice junk in, drop or repeat a slice, or swap a character. */
const mutation = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('\n', '\r\n', '{', '}', '[', '"', ':', '---', '*a', '&a ', '\u0000', 'HTTP/1.1 200 OK\n', 'data: ', ': ping\n\n', '<testsuite>', '\\u00')) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.nat(200) }),
  fc.record({ op: fc.constant('repeat' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.nat(400), times: fc.integer({ min: 2, max: 50 }) }),
  fc.record({ op: fc.constant('swap' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), char: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function apply(text: string, m: Mutation): string {
  const at = Math.floor(m.at * text.length);
  switch (m.op) {
    case 'truncate':
      return text.slice(0, at);
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'repeat':
      return text.slice(0, at) + text.slice(at, at + m.length).repeat(m.times) + text.slice(at + m.length);
    case 'swap':
      return text.slice(0, at) + m.char + text.slice(at + 1);
  }
}

/** A seed's text after up to 6 mutations. */
export function mutatedText(seeds: readonly Seed[]): fc.Arbitrary<{ seed: string; text: string }> {
  return fc.record({ index: fc.nat(seeds.length - 1), mutations: fc.array(mutation, { maxLength: 6 }) }).map(({ index, mutations }) => {
    const seed = seeds[index]!;
    return { seed: seed.name, text: mutations.reduce(apply, seed.bytes.toString('utf8')) };
  });
}

/** Any text: printable, full Unicode, or raw code units (lone surrogates included). */
export const anyText = fc.oneof(fc.string({ maxLength: 2000 }), fc.string({ unit: 'grapheme', maxLength: 500 }), fc.string({ unit: 'binary', maxLength: 2000 }));

/**
 * How long a read of `chars` characters may take: 1 s per MB (issue 25 item 14), counting an input under 1 MB as
 * 1 MB: the machine is shared by several test runs, and on a small input a pause of the runner weighs more than
 * the work. A parser that is quadratic still shows: the properties also feed inputs of several MB.
 */
export function budgetMs(chars: number): number {
  return Math.max(1, chars / (1024 * 1024)) * 1000;
}

/**
 * Runs `fn` and returns its duration in ms. A run over `budget` is timed once more and the faster counts: the
 * machine is shared, and one garbage collection or a neighbour's burst is noise, while a slow parser is slow twice.
 */
export function timed(fn: () => void, budget = Infinity): number {
  const once = () => {
    const started = performance.now();
    fn();
    return performance.now() - started;
  };
  const first = once();
  return first <= budget ? first : Math.min(first, once());
}

/** YAML whose aliases expand exponentially ("billion laughs"), of any width and depth, after a real file's text. */
export function aliasBomb(seeds: readonly Seed[]): fc.Arbitrary<string> {
  return fc.record({ index: fc.nat(seeds.length - 1), width: fc.integer({ min: 2, max: 12 }), depth: fc.integer({ min: 3, max: 9 }) }).map(({ index, width, depth }) => {
    const lines = [`l0: &l0 [${Array(width).fill('lol').join(', ')}]`];
    for (let level = 1; level < depth; level++) lines.push(`l${level}: &l${level} [${Array(width).fill(`*l${level - 1}`).join(', ')}]`);
    return `${seeds[index]!.bytes.toString('utf8').trimEnd()}\nbomb:\n${lines.map((line) => `  ${line}`).join('\n')}\n`;
  });
}
