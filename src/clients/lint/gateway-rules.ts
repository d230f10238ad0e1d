/**
 * Rules every client format shares that need to know the gateway or this machine (issue 27): the servers an
 * `x-mcp-servers` header names must be servers content/gateway.yaml defines (a typo there scopes the client to
 * nothing, and LiteLLM does not say so), and a stdio server's command must exist. They read the file's lines, so
 * they apply alike to TOML, JSON and the header arguments of `mcp-remote`.
 */
import { didYouMean } from '../../util/did-you-mean.ts';
import type { LintOptions, LintProblem } from '../types.ts';

const SCOPE = /x-mcp-servers["']?\s*[:=]\s*["']?([A-Za-z0-9_, ]*)/gi;
const COMMAND = /(?:^\s*command\s*=\s*|"command"\s*:\s*)"([^"]+)"/;

/** Problems with the servers `x-mcp-servers` names, against the gateway's list. */
export function lintScopeServers(text: string, servers: readonly string[], rulePrefix: string): LintProblem[] {
  const problems: LintProblem[] = [];
  text.split('\n').forEach((line, index) => {
    for (const match of line.matchAll(SCOPE)) {
      for (const name of match[1]!.split(',').map((s) => s.trim()).filter(Boolean)) {
        if (servers.includes(name)) continue;
        problems.push({ line: index + 1, severity: 'error', rule: `${rulePrefix}/unknown-server`, message: `x-mcp-servers names "${name}", which content/gateway.yaml does not define${didYouMean(name, servers)} (it lists ${servers.join(', ')})` });
      }
    }
  });
  return problems;
}

/** Problems with stdio commands that cannot be found here. */
export function lintCommands(text: string, commandExists: (command: string) => boolean, rulePrefix: string): LintProblem[] {
  return text.split('\n').flatMap((line, index) => {
    const command = COMMAND.exec(line)?.[1];
    if (command === undefined || command.includes('${') || commandExists(command)) return [];
    return [{ line: index + 1, severity: 'warning' as const, rule: `${rulePrefix}/command-not-found`, message: `command "${command}" is not on PATH here; the client cannot start this stdio server where the same is true` }];
  });
}

/** Both rules, for the options given. */
export function lintAgainstGateway(text: string, options: LintOptions, rulePrefix: string): LintProblem[] {
  return [...(options.servers ? lintScopeServers(text, options.servers, rulePrefix) : []), ...(options.commandExists ? lintCommands(text, options.commandExists, rulePrefix) : [])];
}
