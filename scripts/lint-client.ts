/**
 * `npm run lint-client -- <file> [--client codex|vscode|claude-code|cursor|open-webui|claude-desktop]`
 * Validates a client config file with the same validators the generated snippets pass.
 * Exit 0: no errors (warnings are printed); 1: errors found; 2: usage or unreadable file.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { detectClient, formatProblem, lintableClients, lintClientText, type LintableClient } from '../src/clients/lint/index.ts';

function usage(message: string): never {
  console.error(`${message}\nusage: npm run lint-client -- <file> [--client ${lintableClients.join('|')}]`);
  process.exit(2);
}

const { positionals, values } = parseArgs({ allowPositionals: true, options: { client: { type: 'string' } } });
const file = positionals[0] ?? usage('no file given');
const text = await readFile(file, 'utf8').catch((error: Error) => usage(`cannot read ${file}: ${error.message}`));
if (values.client !== undefined && !(lintableClients as readonly string[]).includes(values.client)) usage(`unknown --client "${values.client}"`);
const client = (values.client as LintableClient | undefined) ?? detectClient(file, text) ?? usage(`cannot tell which client ${file} is for; pass --client`);
const problems = lintClientText(client, text, { env: process.env });
for (const problem of problems) console.log(formatProblem(file, problem));
const errors = problems.filter((p) => p.severity === 'error').length;
console.log(problems.length === 0 ? `${file}: ok (${client})` : `${file}: ${errors} error(s), ${problems.length - errors} warning(s) (${client})`);
process.exit(errors > 0 ? 1 : 0);
