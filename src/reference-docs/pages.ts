import { stringify } from 'yaml';
import * as baseline from '../schemas/baseline.ts';
import * as checkBase from '../schemas/check-base.ts';
import * as check from '../schemas/check.ts';
import * as clientProfile from '../schemas/client-profile-check.ts';
import * as depth from '../schemas/depth-check.ts';
import * as gateway from '../schemas/gateway.ts';
import * as outstanding from '../schemas/outstanding.ts';
import { fieldRows, shapeOf } from './field-rows.ts';
import { indexSchemaDocs, type SchemaDoc } from './jsdoc-index.ts';
import { anchorOf, renderPage, renderTable } from './render.ts';

/** The schema sources the pages document, relative to the project root. */
export const SCHEMA_SOURCES = ['src/schemas/check-base.ts', 'src/schemas/check.ts', 'src/schemas/client-profile-check.ts', 'src/schemas/depth-check.ts', 'src/schemas/auth-mode.ts', 'src/schemas/gateway.ts', 'src/schemas/duration.ts', 'src/schemas/check-id.ts', 'src/schemas/baseline.ts', 'src/schemas/outstanding.ts', 'src/schemas/evidence.ts'];

const runtime: Record<string, unknown> = { ...checkBase, ...check, ...clientProfile, ...depth, ...gateway, ...baseline, ...outstanding };

/** Schemas a field may be built from that read better as a word than as their structure. */
const TYPE_NAMES: Record<string, string> = {
  DurationSchema: 'duration',
  CheckIdSchema: 'check id',
  EnvVarNameSchema: 'env var name',
  McpServerNameSchema: 'MCP server name',
  OriginSchema: 'origin id',
  AuthOutcomeSchema: 'auth outcome',
  StatusExpectationSchema: 'status code or list of them',
  RequestHeadersSchema: 'map of header → value',
  ClosingCheckSchema: 'check id or { check, target, origin }',
};

/** What the pages are made from: the schemas' source text and the project's own content files as examples. */
export interface ReferenceInput {
  sources: ReadonlyArray<{ file: string; text: string }>;
  /** Every check in content/checks, as written (parsed YAML, before defaults). */
  checks: ReadonlyArray<Record<string, unknown>>;
  gatewayYaml: string;
  baselineYaml: string;
  outstandingYaml: string;
}

function table(index: Map<string, SchemaDoc>, name: string, skip: ReadonlySet<string> = new Set()): { text: string; nested: string[] } {
  const rows = fieldRows(runtime[name], name, index, TYPE_NAMES).filter((row) => !skip.has(row.name));
  return { text: renderTable(rows), nested: rows.flatMap((row) => (row.nested ? [row.nested] : [])) };
}

/** A table for `name` and, after it, one for each object schema nested in it (each once per page). */
function tables(index: Map<string, SchemaDoc>, name: string, heading: string, seen: Set<string>, skip?: ReadonlySet<string>): string[] {
  const { text, nested } = table(index, name, skip);
  const intro = index.get(name)?.text;
  const out = [heading, ...(intro ? [intro] : []), text];
  for (const child of nested.filter((n) => !seen.has(n))) {
    seen.add(child);
    // The heading's slug is the anchor the parent table links to.
    out.push(...tables(index, child, `### \`${anchorOf(child)}\``, seen));
  }
  return out;
}

const yamlBlock = (text: string) => ['```yaml', text.trimEnd(), '```'].join('\n');

/** The value types the page's tables use, each with the JSDoc of its schema. */
function typesSection(index: Map<string, SchemaDoc>, body: readonly string[]): string[] {
  const used = (word: string) => body.some((section) => section.includes(`| ${word} |`) || section.includes(`list of ${word} |`));
  const rows = Object.entries(TYPE_NAMES).filter(([name, word]) => index.get(name)?.text && used(word)).map(([name, word]) => `| ${word} | ${index.get(name)!.text!.replaceAll('|', '\\|')} |`);
  return ['## Value types', '| type | how to write it |', '| --- | --- |', ...rows].flatMap((line, i) => (i === 0 ? [line, ''] : [line])).join('\n').split('\n\n');
}

/** `content/docs/reference/checks.md`: the fields every check has, then each kind with its fields and an example. */
export function checksPage(input: ReferenceInput): string {
  const index = indexSchemaDocs(input.sources);
  const baseFields = new Set(Object.keys(shapeOf(checkBase.CheckBaseSchema)));
  const seen = new Set<string>();
  const body = [
    'Each file in `content/checks/` holds a list of checks under `checks:`; the file name is the default group (`routing.yaml` → `routing`). Every key is checked: a key that is not listed here is an error naming its file and line.',
    ...tables(index, 'CheckBaseSchema', '## Fields every check has', seen),
  ];
  for (const [kind, schema] of Object.entries(check.checkKindSchemas)) {
    const name = Object.keys(runtime).find((key) => runtime[key] === schema)!;
    body.push(...tables(index, name, `## \`kind: ${kind}\``, seen, baseFields));
    const example = input.checks.find((c) => c.kind === kind);
    if (example) body.push(`An example from \`content/checks/\`:`, yamlBlock(stringify({ checks: [example] }, { lineWidth: 0 })));
  }
  body.push(...typesSection(index, body));
  return renderPage({ title: 'Check definitions (content/checks/*.yaml)', description: 'Every field of every check kind, with its type, default and an example.', order: 10, sources: ['src/schemas/check.ts', 'src/schemas/check-base.ts', 'src/schemas/client-profile-check.ts', 'src/schemas/depth-check.ts'], body });
}

/** `content/docs/reference/gateway.md`: the gateway definition and its environments. */
export function gatewayPage(input: ReferenceInput): string {
  const index = indexSchemaDocs(input.sources);
  const seen = new Set<string>();
  const body = [
    'One file, `content/gateway.yaml`, defines the gateway every probe talks to and every client snippet is generated from. Keys are checked strictly: a misspelt key is an error naming its line. Secrets are never written here, only the NAMES of the env vars that hold them.',
    ...tables(index, 'GatewaySchema', '## The file', seen),
    ...tables(index, 'GatewayEnvironmentSchema', '## An environment (`environments.<id>`)', seen),
    'The project’s own `content/gateway.yaml`:',
    yamlBlock(input.gatewayYaml),
  ];
  body.push(...typesSection(index, body));
  return renderPage({ title: 'Gateway definition (content/gateway.yaml)', description: 'Every field of content/gateway.yaml, with its type, default and an example.', order: 11, sources: ['src/schemas/gateway.ts'], body });
}

/** `content/docs/reference/baseline.md` and `outstanding.md`: the two lists of known states. */
export function listPages(input: ReferenceInput): { baseline: string; outstanding: string } {
  const index = indexSchemaDocs(input.sources);
  const baselineBody = [
    '`content/baseline.yaml` lists the failures the team expects and has explained (`schemaVersion: 1`, then `entries:`). A failing record that matches an entry shows as an expected failure instead of red; an entry whose check passes again is flagged so it can be removed.',
    ...tables(index, 'BaselineEntrySchema', '## An entry', new Set()),
    yamlBlock(input.baselineYaml),
  ];
  const outstandingBody = [
    '`content/outstanding.yaml` lists the open items carried over from the team’s notes (`schemaVersion: 1`, then `items:`), each with the checks whose fresh, real passes close it.',
    ...tables(index, 'OutstandingItemSchema', '## An item', new Set()),
    yamlBlock(input.outstandingYaml),
  ];
  return {
    baseline: renderPage({ title: 'Expected failures (content/baseline.yaml)', description: 'Every field of a baseline entry, with an example.', order: 12, sources: ['src/schemas/baseline.ts'], body: baselineBody }),
    outstanding: renderPage({ title: 'Outstanding items (content/outstanding.yaml)', description: 'Every field of an outstanding item, with an example.', order: 13, sources: ['src/schemas/outstanding.ts'], body: outstandingBody }),
  };
}
