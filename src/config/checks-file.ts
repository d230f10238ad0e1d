import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { CheckFileSchema, type Check } from '../schemas/check.ts';
import type { Gateway } from '../schemas/gateway.ts';
import { ProofbookInputError, type LocatedIssue } from '../schemas/parse.ts';
import { CHECKS_DIR, GATEWAY_PATH, readOrExplain } from './paths.ts';
import { readYaml, validateYaml, type YamlSource } from './yaml-source.ts';

/**
 * The one reader of `content/checks/*.yaml`: strict (a typo in a key is an error with its file and line), with
 * every check checked against the gateway it refers to. The probe, the build and `astro dev` all read checks here.
 */

/** Where a check was defined, for error messages and the status page. */
export interface CheckSource {
  file: string;
  line?: number;
}

/** Every check, in file order (files sorted by name), with `group` defaulted to the file's base name. */
export interface CheckCatalog {
  checks: Check[];
  sources: Map<string, CheckSource>;
}

/** Parses one checks file's text; `group` defaults to the file name (`routing.yaml` → `routing`). */
export function parseChecksFile(text: string, file: string): { checks: Check[]; source: YamlSource } {
  const source = readYaml(text, file, 'check definitions');
  const parsed = validateYaml(CheckFileSchema, source, 'check definitions', 'every field of each kind: content/docs/reference/checks.md (/reference/checks/ on the site)');
  const group = path.basename(file).replace(/\.ya?ml$/, '');
  return { checks: parsed.checks.map((check) => ({ ...check, group: check.group ?? group })), source };
}

/** Checks that refer to things the gateway does not define (environments, servers). */
function crossReferenceIssues(check: Check, index: number, gateway: Gateway, source: YamlSource): LocatedIssue[] {
  const issues: LocatedIssue[] = [];
  const envs = Object.keys(gateway.environments);
  const servers = new Set(Object.values(gateway.environments).flatMap((env) => env.servers));
  const at = (...rest: PropertyKey[]) => ({ path: ['checks', index, ...rest], text: `checks[${index}]${rest.map((r) => (typeof r === 'number' ? `[${r}]` : `.${String(r)}`)).join('')}` });
  (check.environments ?? []).forEach((env, i) => {
    const p = at('environments', i);
    if (!envs.includes(env)) issues.push({ path: p.text, line: source.lineOf(p.path), message: `unknown environment "${env}"; ${GATEWAY_PATH} defines ${envs.join(', ')}` });
  });
  if ('servers' in check) {
    (check.servers ?? []).forEach((server, i) => {
      const p = at('servers', i);
      if (!servers.has(server)) issues.push({ path: p.text, line: source.lineOf(p.path), message: `unknown MCP server "${server}"; ${GATEWAY_PATH} lists ${[...servers].join(', ')}` });
    });
  }
  if (check.kind === 'sse-capture') {
    for (const env of Object.keys(check.byEnvironment ?? {})) {
      const p = at('byEnvironment', env);
      if (!envs.includes(env)) issues.push({ path: p.text, line: source.lineOf(p.path), message: `unknown environment "${env}"` });
    }
  }
  return issues;
}

/** Reads every check file under `root` and checks each against `gateway`; throws ProofbookInputError on any problem. */
export async function loadChecks(root: string, gateway: Gateway): Promise<CheckCatalog> {
  const names = (await readOrExplain(root, CHECKS_DIR, 'check definitions', (dir) => readdir(dir))).filter((name) => /\.ya?ml$/.test(name)).sort();
  const checks: Check[] = [];
  const sources = new Map<string, CheckSource>();
  for (const name of names) {
    const file = `${CHECKS_DIR}/${name}`;
    const parsed = parseChecksFile(await readFile(path.join(root, file), 'utf8'), file);
    const issues: LocatedIssue[] = [];
    parsed.checks.forEach((check, index) => {
      const line = parsed.source.lineOf(['checks', index, 'id']);
      const earlier = sources.get(check.id);
      if (earlier) {
        issues.push({ path: `checks[${index}].id`, line, message: `duplicate check id "${check.id}", already defined in ${earlier.file}${earlier.line ? `:${earlier.line}` : ''}` });
      }
      issues.push(...crossReferenceIssues(check, index, gateway, parsed.source));
      if (!earlier) sources.set(check.id, { file, ...(line ? { line } : {}) });
      checks.push(check);
    });
    if (issues.length) throw new ProofbookInputError(file, 'check definitions', issues);
  }
  return { checks, sources };
}
