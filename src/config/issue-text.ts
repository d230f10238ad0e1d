import type { z } from 'astro/zod';
import { didYouMean } from '../util/did-you-mean.ts';

/**
 * Zod's issues in the words of someone editing a content file (issue 27): `unknown key "freshnes" — did you mean
 * "freshness"?` instead of `Unrecognized key`, `expected one of http, auth-matrix, …` instead of `Invalid
 * discriminator value`, `missing` when a field is not there (rather than the message for a wrong value, such as
 * "not a URL"), and `expected number or array` instead of a bare `Invalid input`.
 */

type Issue = z.core.$ZodIssue;
type Def = { type: string } & Record<string, any>;

const tick = (name: string) => `\`${name}\``;
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

/** The schema under defaults, optionals, pipes and lazies. */
function unwrap(schema: unknown): unknown {
  for (let current = schema, depth = 0; depth < 20; depth++) {
    const def = defOf(current);
    if (WRAPPERS.has(def.type)) current = def.innerType;
    else if (def.type === 'pipe') current = def.in;
    else if (def.type === 'lazy') current = def.getter();
    else return current;
  }
  return schema;
}

/** For a discriminated union, the option `value`'s discriminator picks (the union itself when none does). */
function pickOption(schema: unknown, value: unknown): unknown {
  const def = defOf(schema);
  if (def.type !== 'union' || !def.discriminator || typeof value !== 'object' || value === null) return schema;
  const wanted = (value as Record<string, unknown>)[def.discriminator];
  const option = (def.options as unknown[]).find((o) => defOf(unwrap(defOf(unwrap(o)).shape?.[def.discriminator])).values?.includes(wanted));
  return option === undefined ? schema : unwrap(option);
}

/** The keys an object at `path` of `data` may have, following the options `data` picks; undefined if not an object. */
export function knownKeysAt(schema: z.ZodType, data: unknown, path: readonly PropertyKey[]): string[] | undefined {
  let current = pickOption(unwrap(schema), data);
  let value: any = data;
  for (const key of path) {
    const def = defOf(current);
    if (def.type === 'object') current = def.shape[key as string];
    else if (def.type === 'array') current = def.element;
    else if (def.type === 'record') current = def.valueType;
    else return undefined;
    if (current === undefined) return undefined;
    value = value?.[key];
    current = pickOption(unwrap(current), value);
  }
  const def = defOf(current);
  return def.type === 'object' ? Object.keys(def.shape) : undefined;
}

/** Whether `path` names a key its parent object in `data` does not have. */
function isMissing(data: unknown, path: readonly PropertyKey[]): boolean {
  if (path.length === 0) return data === undefined;
  let parent: any = data;
  for (const key of path.slice(0, -1)) parent = parent?.[key];
  return typeof parent === 'object' && parent !== null && !Array.isArray(parent) && !(String(path[path.length - 1]) in parent);
}

/** What a union accepts, from the type errors of its options: `number or array`. */
function unionExpected(issue: Extract<Issue, { code: 'invalid_union' }>): string | undefined {
  const expected = issue.errors.map((errors) => (errors.length === 1 && errors[0]!.code === 'invalid_type' && errors[0]!.path.length === 0 ? errors[0]!.expected : undefined));
  return expected.every(Boolean) && expected.length ? [...new Set(expected)].join(' or ') : undefined;
}

/** One message per zod issue, written for the author of the file; unknown keys are handled by the caller. */
export function issueText(issue: Issue, data: unknown): string {
  if (issue.code === 'invalid_union' && 'discriminator' in issue && Array.isArray((issue as { options?: unknown[] }).options)) {
    const options = (issue as { options: unknown[] }).options.map(String);
    if (isMissing(data, issue.path)) return `missing — expected one of ${options.join(', ')}`;
    let given: any = data;
    for (const key of issue.path) given = given?.[key];
    const near = didYouMean(String(given), options, tick);
    return `unknown ${String(issue.discriminator)} ${tick(String(given))}${near ? `${near} Expected` : '; expected'} one of ${options.join(', ')}`;
  }
  if (isMissing(data, issue.path)) {
    const detail = issue.code === 'invalid_type' && issue.message.startsWith('Invalid input') ? `expected ${issue.expected}` : issue.message.replace(/^Expected/, 'expected');
    return `missing — ${detail}`;
  }
  if (issue.code === 'invalid_union' && issue.message === 'Invalid input') {
    const expected = unionExpected(issue);
    if (expected) return `expected ${expected}`;
  }
  return issue.message;
}

/** The message for an unknown key of the object at `path`: its nearest known key, if one is close. */
export function unknownKeyText(key: string, known: readonly string[] | undefined): string {
  return `unknown key ${tick(key)}${didYouMean(key, known ?? [], tick)}`;
}
