/** Entry point for validating a user's own client config file (`npm run lint-client`). */
import { clients } from '../registry.ts';
import type { LintOptions, LintProblem } from '../types.ts';
import { detectClient, type LintableClient } from './detect.ts';
import { lintAgainstGateway } from './gateway-rules.ts';

export { detectClient, type LintableClient };

/** Client ids `--client` accepts. */
export const lintableClients = ['codex', 'vscode', 'claude-code', 'cursor', 'open-webui', 'claude-desktop'] as const satisfies readonly LintableClient[];

/** Validates `text` as `client`'s config. */
export function lintClientText(client: LintableClient, text: string, options: LintOptions = {}): LintProblem[] {
  let problems: LintProblem[];
  try {
    problems = clients[client].lint(text, options);
  } catch (error) {
    // The parsers recurse: ten thousand nested brackets overflow the stack (issue 25 item 14, found by the property
    // test). Such a file is a syntax error at its first line, never a crash of lint-client.
    if (!(error instanceof RangeError)) throw error;
    return [{ line: 1, severity: 'error', rule: `${client}/config-syntax`, message: `the file could not be read: ${error.message} (nested too deep?)` }];
  }
  // A file the client cannot parse says nothing reliable about its servers or commands.
  if (problems.some((problem) => problem.rule.endsWith('-syntax'))) return problems;
  return [...problems, ...lintAgainstGateway(text, options, client)].sort((a, b) => a.line - b.line);
}

/** `file:line: severity: message [rule]`, the format editors and CI annotate from. */
export function formatProblem(file: string, problem: LintProblem): string {
  const where = problem.column === undefined ? `${file}:${problem.line}` : `${file}:${problem.line}:${problem.column}`;
  return `${where}: ${problem.severity}: ${problem.message} [${problem.rule}]`;
}
