import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { BASELINE_PATH, CHECKS_DIR, GATEWAY_PATH, OUTSTANDING_PATH } from '../config/paths.ts';
import { checksPage, gatewayPage, listPages, SCHEMA_SOURCES, type ReferenceInput } from './pages.ts';

/** Where each generated page goes, relative to the project root. */
export const REFERENCE_PAGES = {
  checks: 'content/docs/reference/checks.md',
  gateway: 'content/docs/reference/gateway.md',
  baseline: 'content/docs/reference/baseline.md',
  outstanding: 'content/docs/reference/outstanding.md',
} as const;

/** Reads the schemas' sources and the content files under `root`. */
export async function readReferenceInput(root: string): Promise<ReferenceInput> {
  const read = (file: string) => readFile(path.join(root, file), 'utf8');
  const checkFiles = (await readdir(path.join(root, CHECKS_DIR))).filter((name) => /\.ya?ml$/.test(name)).sort();
  const checks = (await Promise.all(checkFiles.map(async (name) => (parse(await read(`${CHECKS_DIR}/${name}`)) as { checks: Record<string, unknown>[] }).checks))).flat();
  return {
    sources: await Promise.all(SCHEMA_SOURCES.map(async (file) => ({ file, text: await read(file) }))),
    checks,
    gatewayYaml: await read(GATEWAY_PATH),
    baselineYaml: await read(BASELINE_PATH),
    outstandingYaml: await read(OUTSTANDING_PATH),
  };
}

/** Every reference page's path and text. */
export async function generateReferencePages(root: string): Promise<Record<string, string>> {
  const input = await readReferenceInput(root);
  const lists = listPages(input);
  return {
    [REFERENCE_PAGES.checks]: checksPage(input),
    [REFERENCE_PAGES.gateway]: gatewayPage(input),
    [REFERENCE_PAGES.baseline]: lists.baseline,
    [REFERENCE_PAGES.outstanding]: lists.outstanding,
  };
}
