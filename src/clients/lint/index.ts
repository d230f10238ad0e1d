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
  const problems = clients[client].lint(text, options);
  // A file the client cannot parse says nothing reliable about its servers or commands.
  if (problems.some((problem) => problem.rule.endsWith('-syntax'))) return problems;
  return [...problems, ...lintAgainstGateway(text, options, client)].sort((a, b) => a.line - b.line);
}

/** `file:line: severity: message [rule]`, the format editors and CI annotate from. */
export function formatProblem(file: string, problem: LintProblem): string {
  const where = problem.column === undefined ? `${file}:${problem.line}` : `${file}:${problem.line}:${problem.column}`;
  return `${where}: ${problem.severity}: ${problem.message} [${problem.rule}]`;
}
