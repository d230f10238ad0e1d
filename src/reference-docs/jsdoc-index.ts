import ts from 'typescript';

/**
 * The JSDoc of the zod schemas, read from their source: zod keeps no comments at run time, and the comments are
 * where authors' documentation is written (STYLE.md §3), so the reference pages take them from there rather than
 * from a second copy.
 */

/** What the source says about one field of an object schema. */
export interface FieldDoc {
  /** The JSDoc text without tags. */
  text?: string;
  /** `@example` values, as written. */
  examples: string[];
  /** Names of schema constants the field's value is built from, in source order (`HttpExpectSchema`, `DurationSchema`). */
  refs: string[];
}

/** What the source says about one `const XSchema = …`. */
export interface SchemaDoc {
  text?: string;
  examples: string[];
  /** Its fields, when it is built from an object literal (`z.strictObject({ … })`). */
  fields: Map<string, FieldDoc>;
  /** Schema constants whose fields are spread into it (`...CheckBaseSchema.shape`, `...base`). */
  spreads: string[];
}

function jsDocOf(node: ts.Node): { text?: string; examples: string[] } {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const doc = docs[docs.length - 1];
  if (!doc) return { examples: [] };
  const text = ts.getTextOfJSDocComment(doc.comment)?.replace(/\s*\n\s*/g, ' ').trim();
  const examples = (doc.tags ?? []).filter((tag) => tag.tagName.text === 'example').map((tag) => (ts.getTextOfJSDocComment(tag.comment) ?? '').trim());
  return { ...(text ? { text } : {}), examples };
}

/** Identifiers in `node` in source order (property names after a dot excluded). */
function identifiersIn(node: ts.Node): string[] {
  const found: string[] = [];
  const visit = (child: ts.Node) => {
    if (ts.isIdentifier(child) && !(ts.isPropertyAccessExpression(child.parent) && child.parent.name === child) && !(ts.isPropertyAssignment(child.parent) && child.parent.name === child)) found.push(child.text);
    ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

/** The first object literal passed to a call in `node` (the shape of `z.object({ … }).refine(…)`). */
function shapeLiteral(node: ts.Node): ts.ObjectLiteralExpression | undefined {
  if (ts.isObjectLiteralExpression(node)) return undefined;
  let found: ts.ObjectLiteralExpression | undefined;
  const visit = (child: ts.Node) => {
    if (found) return;
    if (ts.isCallExpression(child)) {
      const literal = child.arguments.find(ts.isObjectLiteralExpression);
      if (literal && ts.isPropertyAccessExpression(child.expression) && /^(strictObject|object|looseObject)$/.test(child.expression.name.text)) {
        found = literal;
        return;
      }
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

/** Reads every top-level `const` of the given sources: its JSDoc, and for object schemas each field's. */
export function indexSchemaDocs(sources: ReadonlyArray<{ file: string; text: string }>): Map<string, SchemaDoc> {
  const index = new Map<string, SchemaDoc>();
  const aliases = new Map<string, string>();
  for (const { file, text } of sources) {
    const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    for (const statement of sourceFile.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name) || !declaration.initializer) continue;
        const name = declaration.name.text;
        const init = declaration.initializer;
        // `const base = CheckBaseSchema.shape`: spreading `base` spreads that schema.
        if (ts.isPropertyAccessExpression(init) && init.name.text === 'shape' && ts.isIdentifier(init.expression)) aliases.set(name, init.expression.text);
        const literal = shapeLiteral(init);
        const fields = new Map<string, FieldDoc>();
        const spreads: string[] = [];
        for (const property of literal?.properties ?? []) {
          if (ts.isSpreadAssignment(property)) spreads.push(identifiersIn(property.expression)[0] ?? '');
          else if (ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) {
            fields.set(property.name.text, { ...jsDocOf(property), refs: identifiersIn(property.initializer).filter((id) => id !== 'z') });
          }
        }
        index.set(name, { ...jsDocOf(statement), fields, spreads });
      }
    }
  }
  for (const doc of index.values()) doc.spreads = doc.spreads.map((spread) => aliases.get(spread) ?? spread);
  return index;
}

/** A field's documentation, looked up through spreads (`...base`), so shared fields are documented once. */
export function fieldDoc(index: Map<string, SchemaDoc>, schemaName: string, field: string, seen = new Set<string>()): FieldDoc | undefined {
  const doc = index.get(schemaName);
  if (!doc || seen.has(schemaName)) return undefined;
  seen.add(schemaName);
  return doc.fields.get(field) ?? doc.spreads.map((spread) => fieldDoc(index, spread, field, seen)).find(Boolean);
}
