import { LineCounter, parseDocument } from 'yaml';
import { ArtifactManifestSchema, type ArtifactManifest } from '../schemas/imported-artifact.ts';
import { ProofbookInputError, parseOrThrow } from '../schemas/parse.ts';
import { toJsBounded, yamlSizeProblem } from '../util/yaml-bounded.ts';
import type { Unparseable } from './unparseable.ts';

/**
 * Parses a `<file>.meta.yaml` sidecar. A bad manifest is reported with its file, line and field
 * (it makes the artifact unparseable rather than silently guessing the kind).
 */
export function parseManifest(yamlText: string, file: string): { manifest: ArtifactManifest } | { unparseable: Unparseable } {
  const tooDeep = yamlSizeProblem(yamlText, 64 * 1024);
  if (tooDeep) return { unparseable: { reason: `${file}: ${tooDeep.message}`, line: tooDeep.line } };
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  if (doc.errors.length) {
    const error = doc.errors[0];
    return { unparseable: { reason: `${file}: invalid YAML: ${error.message.split('\n')[0]}`, line: lineCounter.linePos(error.pos[0]).line } };
  }
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth) as unknown[], true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  const expanded = toJsBounded(doc, lineCounter);
  if ('message' in expanded) return { unparseable: { reason: `${file}: ${expanded.message}`, ...(expanded.line ? { line: expanded.line } : {}) } };
  try {
    return { manifest: parseOrThrow(ArtifactManifestSchema, expanded.data, { file, what: 'import manifest', lineOf }) };
  } catch (error) {
    if (!(error instanceof ProofbookInputError)) throw error;
    const first = error.issues[0];
    return { unparseable: { reason: error.message.split('\n').slice(1).join('; '), ...(first?.line ? { line: first.line } : {}) } };
  }
}
