import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { IncidentFrontmatterSchema, type Incident } from '../schemas/incident.ts';
import { ProofbookInputError } from '../schemas/parse.ts';
import { INCIDENTS_DIR } from './paths.ts';
import { readYaml, validateYaml, type YamlSource } from './yaml-source.ts';

const WHAT = 'incident';
const HINT = 'frontmatter: title, affects (check ids, "mcp.*" or "*"), timeline (at, status, note) (content/docs/reference/status-page.md)';

/** The frontmatter block of a Markdown file and its body; frontmatter lines are numbered as in the file. */
function splitFrontmatter(text: string, file: string): { source: YamlSource; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) throw new ProofbookInputError(file, WHAT, [{ path: '', line: 1, message: 'expected YAML frontmatter between "---" lines at the top of the file' }], HINT);
  // One blank line per line before the frontmatter keeps the YAML's line numbers those of the file.
  const source = readYaml(`\n${match[1]}`, file, WHAT);
  return { source, body: text.slice(match[0].length).replace(/^\s*\n/, '') };
}

/** Parses one incident file; `id` is its file name without `.md`. Errors name the file, line and field. */
export function parseIncidentFile(text: string, file: string): Incident {
  const { source, body } = splitFrontmatter(text, file);
  const frontmatter = validateYaml(IncidentFrontmatterSchema, source, WHAT, HINT);
  return { ...frontmatter, id: path.basename(file).replace(/\.md$/, ''), body };
}

/** Reads every `content/incidents/*.md` under `root`, in name order; no folder means no incidents. */
export async function loadIncidents(root: string): Promise<Incident[]> {
  const names = await readdir(path.join(root, INCIDENTS_DIR)).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  const files = names.filter((name) => name.endsWith('.md')).sort();
  return Promise.all(files.map(async (name) => parseIncidentFile(await readFile(path.join(root, INCIDENTS_DIR, name), 'utf8'), `${INCIDENTS_DIR}/${name}`)));
}
