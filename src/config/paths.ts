import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ProofbookInputError } from '../schemas/parse.ts';

// Where the team's configuration lives, relative to the project root. In a module of its own so that the Astro
// integration and the content config can name them without loading the config parsers.

/** The gateway definition: environments, MCP servers, client guide settings. */
export const GATEWAY_PATH = 'content/gateway.yaml';
/** The check catalog, one YAML file per group. */
export const CHECKS_DIR = 'content/checks';
/** The expected-failure baseline. */
export const BASELINE_PATH = 'content/baseline.yaml';
/** Open items from the team's status notes, each with the checks that close it. */
export const OUTSTANDING_PATH = 'content/outstanding.yaml';
/** Incidents, one Markdown file each (frontmatter: title, affects, timeline). */
export const INCIDENTS_DIR = 'content/incidents';
/** Maintenance windows, one-off and recurring. */
export const MAINTENANCE_PATH = 'content/maintenance.yaml';

/** Runs a read; a missing file or folder becomes a configuration error naming it instead of a bare ENOENT. */
export async function readOrExplain<T>(root: string, relative: string, what: string, read: (full: string) => Promise<T>): Promise<T> {
  try {
    return await read(path.join(root, relative));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new ProofbookInputError(relative, what, [{ path: '', message: `not found under ${root}` }], 'run the command from the project root');
  }
}


/** The text of an optional content file under `root`, or undefined when it does not exist (any other error is thrown). */
export async function readOptionalFile(root: string, relative: string): Promise<string | undefined> {
  return readFile(path.join(root, relative), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
}
