import type { z } from 'astro/zod';
import { LineCounter, parseDocument } from 'yaml';
import { ArtifactManifestSchema, type ArtifactManifest } from '../schemas/imported-artifact.ts';
import { ProofbookInputError, parseOrThrow } from '../schemas/parse.ts';
import { toJsBounded, yamlSizeProblem } from '../util/yaml-bounded.ts';
import type { Unparseable } from './unparseable.ts';

/**
 * Parses a YAML file an import carries (`<file>.meta.yaml`, a capture folder's `capture.yaml`) against its schema.
 * A bad one is reported with its file, line and field (the import becomes unparseable rather than guessed).
 */
export function parseImportYaml<S extends z.ZodType>(schema: S, yamlText: string, file: string, what: string): { value: z.output<S> } | { unparseable: Unparseable } {
  // Too long or too deep is refused before the parser spends seconds on it (issue 25 item 14).
  const tooBig = yamlSizeProblem(yamlText, 64 * 1024);
  if (tooBig) return { unparseable: { reason: `${file}: ${tooBig.message}`, line: tooBig.line } };
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  if (doc.errors.length) {
    const error = doc.errors[0]!;
    return { unparseable: { reason: `${file}: invalid YAML: ${error.message.split('\n')[0]}`, line: lineCounter.linePos(error.pos[0]).line } };
  }
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth) as unknown[], true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  // An alias bomb is a located problem, not a ReferenceError (issue 25 item 7).
  const expanded = toJsBounded(doc, lineCounter);
  if ('message' in expanded) return { unparseable: { reason: `${file}: ${expanded.message}`, ...(expanded.line ? { line: expanded.line } : {}) } };
  try {
    return { value: parseOrThrow(schema, expanded.data, { file, what, lineOf }) };
  } catch (error) {
    if (!(error instanceof ProofbookInputError)) throw error;
    const first = error.issues[0];
    return { unparseable: { reason: error.message.split('\n').slice(1).join('; '), ...(first?.line ? { line: first.line } : {}) } };
  }
}

/** Parses a `<file>.meta.yaml` sidecar (see parseImportYaml). */
export function parseManifest(yamlText: string, file: string): { manifest: ArtifactManifest } | { unparseable: Unparseable } {
  const parsed = parseImportYaml(ArtifactManifestSchema, yamlText, file, 'import manifest');
  return 'value' in parsed ? { manifest: parsed.value } : parsed;
}
