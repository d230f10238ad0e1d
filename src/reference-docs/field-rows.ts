import type { z } from 'astro/zod';
import { fieldDoc, type SchemaDoc } from './jsdoc-index.ts';

/** One row of a reference table: a field as the schema takes it, documented from the schema's JSDoc. */
export interface FieldRow {
  name: string;
  /** What to write: `string`, `integer`, `` `GET` \| `POST` ``, `list of MCP server name`, a link to a nested table. */
  type: string;
  required: boolean;
  /** The default, as an author would write it; undefined when there is none. */
  default?: string;
  description?: string;
  examples: string[];
  /** Name of the object schema a nested table documents (`HttpExpectSchema`), when the field is one. */
  nested?: string;
}

type Def = { type: string } & Record<string, any>;
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

/** The schema's own default (`default` or `prefault`), outermost first. */
function defaultOf(schema: unknown): unknown {
  for (let current = schema; ; ) {
    const def = defOf(current);
    if (def.type === 'default' || def.type === 'prefault') return typeof def.defaultValue === 'function' ? def.defaultValue() : def.defaultValue;
    if (!WRAPPERS.has(def.type)) return undefined;
    current = def.innerType;
  }
}

function unwrap(schema: unknown): unknown {
  let current = schema;
  while (WRAPPERS.has(defOf(current).type)) current = defOf(current).innerType;
  return current;
}

/** The object schema's fields, `ZodObject.shape`, whatever wraps it. */
export function shapeOf(schema: unknown): Record<string, z.ZodType> {
  let current = unwrap(schema);
  while (defOf(current).type === 'pipe') current = unwrap(defOf(current).in);
  const def = defOf(current);
  if (def.type !== 'object') throw new Error(`not an object schema: ${def.type}`);
  return def.shape;
}

const code = (value: unknown) => `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;

/** How an author writes a value of this schema, from the schema itself. */
export function typeText(schema: unknown): string {
  const def = defOf(unwrap(schema));
  switch (def.type) {
    case 'string':
      return def.format === 'url' ? 'URL' : def.format === 'date' ? 'date (YYYY-MM-DD)' : 'string';
    case 'number':
      return (def.checks ?? []).some((check: unknown) => defOf(check).format === 'safeint' || (defOf(check) as { check?: string }).check === 'number_format') ? 'integer' : 'number';
    case 'int':
      return 'integer';
    case 'boolean':
      return 'boolean';
    case 'literal':
      return (def.values as unknown[]).map(code).join(' \\| ');
    case 'enum':
      return Object.values(def.entries as Record<string, unknown>).map(code).join(' \\| ');
    case 'array':
      return `list of ${typeText(def.element)}`;
    case 'record':
      return `map of name → ${typeText(def.valueType)}`;
    case 'union':
      return (def.options as unknown[]).map((option) => typeText(option)).join(' or ');
    case 'object':
      return 'object';
    default:
      return def.type;
  }
}

/** Rows for every field of the object schema `name`; a field built from a named schema takes that schema's words. */
export function fieldRows(schema: unknown, name: string, index: Map<string, SchemaDoc>, typeNames: Record<string, string>): FieldRow[] {
  return Object.entries(shapeOf(schema)).map(([field, fieldSchema]) => {
    const doc = fieldDoc(index, name, field);
    const refs = doc?.refs ?? [];
    const typeRef = refs.find((ref) => typeNames[ref]);
    const inner = unwrap(fieldSchema);
    const isList = defOf(inner).type === 'array';
    const isMap = defOf(inner).type === 'record';
    const element = unwrap(isList ? defOf(inner).element : isMap ? defOf(inner).valueType : inner);
    const isObject = defOf(element).type === 'object' || (defOf(element).type === 'pipe' && defOf(unwrap(defOf(element).in)).type === 'object');
    const nested = isObject ? refs.find((ref) => index.get(ref)?.fields.size) : undefined;
    let type = typeText(fieldSchema);
    if (nested) type = isList ? 'list of objects' : isMap ? 'map of name → object' : 'object';
    else if (typeRef) type = `${isList ? 'list of ' : ''}${typeNames[typeRef]}`;
    const fallback = refs.map((ref) => index.get(ref)).find((ref) => ref?.text);
    const literal = defOf(inner).type === 'literal' ? (defOf(inner).values as unknown[]) : undefined;
    const value = defaultOf(fieldSchema);
    const defaultText = value === undefined ? undefined : typeof value === 'object' && value !== null && Object.keys(value).length === 0 ? '(each field’s default)' : code(value);
    return {
      name: field,
      type,
      // zod marks a field that may be left out `optional`, or `defaulted` when it has a default.
      required: (fieldSchema as { _zod: { optin?: string } })._zod.optin === undefined,
      ...(defaultText === undefined ? {} : { default: defaultText }),
      ...((doc?.text ?? fallback?.text) ? { description: doc?.text ?? fallback?.text } : literal ? { description: `Always ${literal.map(code).join(' or ')}.` } : {}),
      examples: doc?.examples.length ? doc.examples : [],
      ...(nested ? { nested } : {}),
    };
  });
}
