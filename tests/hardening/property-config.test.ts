// Issue 25 item 14: every config reader (the strict readers of content/*.yaml and the client config linters), fed
// arbitrary and mutated real inputs, either returns or throws the located ProofbookInputError, never anything
// else (a TypeError, a yaml ReferenceError, a stack overflow), and takes at most 1 s per MB.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseBaselineFile } from '../../src/config/baseline-file.ts';
import { parseChecksFile } from '../../src/config/checks-file.ts';
import { parseGatewayFile } from '../../src/config/gateway-file.ts';
import { parseOutstandingFile } from '../../src/config/outstanding-file.ts';
import { lintableClients, lintClientText } from '../../src/clients/lint/index.ts';
import { generateSetup } from '../../src/clients/registry.ts';
import { ProofbookInputError } from '../../src/schemas/parse.ts';
import { fixtureGateway } from '../clients/support/gateway.ts';
import { aliasBomb, anyText, budgetMs, mutatedText, timed, yamlSeeds, type Seed } from './property-seeds.ts';

const contentSeeds = yamlSeeds().filter((seed) => !seed.name.endsWith('.meta.yaml'));

const readers: [string, (text: string) => unknown][] = [
  ['content/gateway.yaml', (text) => parseGatewayFile(text, 'content/gateway.yaml')],
  ['content/checks/*.yaml', (text) => parseChecksFile(text, 'content/checks/x.yaml')],
  ['content/baseline.yaml', (text) => parseBaselineFile(text)],
  ['content/outstanding.yaml', (text) => parseOutstandingFile(text)],
];

/** Runs a reader: a located input error is a fine answer, any other throw is a failure of the property. */
function read(reader: (text: string) => unknown, text: string): void {
  const ms = timed(() => {
    try {
      reader(text);
    } catch (error) {
      if (!(error instanceof ProofbookInputError)) throw error;
      expect(error.message).toMatch(/^Invalid .+:\n/);
    }
  }, budgetMs(text.length));
  expect(ms).toBeLessThanOrEqual(budgetMs(text.length));
}

describe.each(readers)('%s reader', (_file, reader) => {
  test('the real content files are seeds it reads', () => {
    expect(contentSeeds.map((s) => s.name)).toEqual(expect.arrayContaining(['gateway.yaml', 'baseline.yaml', 'outstanding.yaml', 'checks/mcp.yaml']));
  });

  test('mutated real content files: a result or a located error, within 1 s per MB', () => {
    fc.assert(fc.property(mutatedText(contentSeeds), ({ text }) => read(reader, text)), { numRuns: 300 });
  });

  test('arbitrary text', () => {
    fc.assert(fc.property(anyText, (text) => read(reader, text)), { numRuns: 200 });
  });

  test('alias bombs of any width and depth after a real file', () => {
    fc.assert(fc.property(aliasBomb(contentSeeds), (text) => read(reader, text)), { numRuns: 50 });
  });

  test('deep nesting and long inputs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20_000 }), fc.constantFrom('[', '{a: ', '- ', '  '), (depth, open) => read(reader, `${open.repeat(depth)}x`)),
      { numRuns: 30 },
    );
    const big = contentSeeds.map((s) => s.bytes.toString('utf8')).join('\n').repeat(200);
    read(reader, big);
  });
});

/** Every snippet the site generates for a client, as the seed of what a user's config file looks like. */
function clientSeeds(): Seed[] {
  return lintableClients.flatMap((client) =>
    (['internal', 'demo'] as const).map((env) => ({ name: `${client}-${env}`, bytes: Buffer.from(generateSetup(fixtureGateway, client, env, env === 'demo' ? { baseUrl: 'http://127.0.0.1:4000' } : {}).primary.code) })),
  );
}

describe.each(lintableClients)('client config linter %s', (client) => {
  const seeds = clientSeeds();
  const lint = (text: string) => {
    let problems: unknown;
    const ms = timed(() => {
      problems = lintClientText(client, text);
    }, budgetMs(text.length));
    expect(Array.isArray(problems)).toBe(true);
    expect(ms).toBeLessThanOrEqual(budgetMs(text.length));
  };

  test('never throws on mutated generated configs or arbitrary text, within 1 s per MB', () => {
    fc.assert(fc.property(fc.oneof(mutatedText(seeds).map((m) => m.text), anyText), lint), { numRuns: 300 });
  });
});
