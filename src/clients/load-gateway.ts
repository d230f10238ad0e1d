/**
 * Reads `content/gateway.yaml`. A stop-gap until the probe stage's `loadProjectConfig` lands in
 * src/config/; then this file can re-export that loader (remove it when it does).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { GatewaySchema, type Gateway } from '../schemas/gateway.ts';
import { parseOrThrow } from '../schemas/parse.ts';

/** Parses gateway YAML text; `file` names it in errors, which carry the line of the bad field. */
export function parseGatewayYaml(text: string, file: string): Gateway {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    const line = first?.linePos?.[0].line;
    throw new Error(`Invalid gateway definition:\n${file}${line ? `:${line}` : ''} → ${first?.message ?? 'YAML error'}`);
  }
  const lineOf = (issuePath: readonly PropertyKey[]): number | undefined => {
    for (let depth = issuePath.length; depth >= 0; depth--) {
      const node = doc.getIn(issuePath.slice(0, depth) as unknown[], true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  return parseOrThrow(GatewaySchema, doc.toJS(), { file, what: 'gateway definition', lineOf });
}

/** Loads `content/gateway.yaml` under `root` (the project root by default). */
export async function loadGateway(root: string = process.cwd(), file = 'content/gateway.yaml'): Promise<Gateway> {
  const text = await readFile(path.resolve(root, file), 'utf8');
  return parseGatewayYaml(text, file);
}
