// `npm run lint-client -- <file>`: a client config file checked with the validators the generated snippets pass,
// against content/gateway.yaml's servers and this shell's environment and PATH (`npm run lint-client -- --help`).
import { readFile } from 'node:fs/promises';
import { defineCommand, UsageError } from '../src/cli/command.ts';
import { detectClient, formatProblem, lintableClients, lintClientText, type LintableClient } from '../src/clients/lint/index.ts';
import { loadGateway } from '../src/config/gateway-file.ts';
import { didYouMean } from '../src/util/did-you-mean.ts';
import { isCommandOnPath } from '../src/util/command-on-path.ts';

const { positionals, values } = defineCommand({
  name: 'lint-client',
  summary: "Check a client's MCP config file: syntax, the gateway's rules (Bearer header, no literal key, x-mcp-servers naming servers content/gateway.yaml defines), env vars unset in this shell, stdio commands not on PATH.",
  positionals: '<file>',
  options: { client: { type: 'string', value: lintableClients.join('|'), description: 'which client the file is for (default: told from its name and content)' } },
  examples: ['npm run lint-client -- ~/.codex/config.toml', 'npm run lint-client -- .vscode/mcp.json', 'npm run lint-client -- mcp.json --client cursor'],
  exitCodes: ['0 no errors (warnings are printed)', '1 errors found', '2 a usage error or an unreadable file'],
}).parse();

const file = positionals[0];
if (file === undefined) throw new UsageError('lint-client: no file given\nrun `npm run lint-client -- --help` for an example');
const text = await readFile(file, 'utf8').catch((error: Error) => {
  throw new UsageError(`lint-client: cannot read ${file}: ${error.message}`);
});
if (values.client !== undefined && !(lintableClients as readonly string[]).includes(values.client)) {
  throw new UsageError(`lint-client: unknown --client "${values.client}"${didYouMean(values.client, lintableClients)}; one of ${lintableClients.join(', ')}`);
}
const client = (values.client as LintableClient | undefined) ?? detectClient(file, text);
if (client === undefined) throw new UsageError(`lint-client: cannot tell which client ${file} is for; pass --client ${lintableClients.join('|')}`);
const gateway = await loadGateway(process.cwd());
const servers = [...new Set(Object.values(gateway.environments).flatMap((environment) => environment.servers))];
const problems = lintClientText(client, text, { env: process.env, servers, commandExists: (command) => isCommandOnPath(command) });
for (const problem of problems) console.log(formatProblem(file, problem));
const errors = problems.filter((p) => p.severity === 'error').length;
console.log(problems.length === 0 ? `${file}: ok (${client})` : `${file}: ${errors} error(s), ${problems.length - errors} warning(s) (${client})`);
process.exit(errors > 0 ? 1 : 0);
