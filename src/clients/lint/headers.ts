/** Rules about header values shared by every client format. */
import type { LintProblem } from '../types.ts';

/** Removes every kind of reference a client or a reader resolves later: `${…}`, `{{…}}`, `<NAME>`, `$NAME`. */
function stripReferences(value: string): string {
  return value
    .replace(/\$\{[^}]*\}/g, '')
    .replace(/\{\{[^}]*\}\}/g, '')
    .replace(/<[A-Za-z_][A-Za-z0-9_]*>/g, '')
    .replace(/\$[A-Za-z_][A-Za-z0-9_]*/g, '');
}

/** True when a header value carries what looks like a real key rather than a reference to one. */
export function holdsLiteralSecret(value: string): boolean {
  const rest = stripReferences(value);
  return /\bsk-[A-Za-z0-9_-]{4,}/.test(rest) || /^\s*Bearer\s+\S{12,}/.test(rest);
}

/**
 * Checks one header for the gateway's rules: Traefik routes only `Authorization: Bearer …`, and a
 * key belongs in an env var or secret store, never in the file.
 */
export function lintHeader(name: string, value: unknown, line: number, rulePrefix: string): LintProblem[] {
  if (typeof value !== 'string') {
    return [{ line, severity: 'error', rule: `${rulePrefix}/header-type`, message: `header "${name}" must be a string` }];
  }
  const problems: LintProblem[] = [];
  if (holdsLiteralSecret(value)) {
    problems.push({
      line,
      severity: 'error',
      rule: `${rulePrefix}/literal-secret`,
      message: `header "${name}" holds a literal key; reference the env var instead (the file ends up in backups and screenshots)`,
    });
  }
  if (name.toLowerCase() === 'authorization' && !/^Bearer \S/.test(value)) {
    const scheme = value.split(/\s+/)[0] ?? '';
    problems.push({
      line,
      severity: 'error',
      rule: `${rulePrefix}/auth-scheme`,
      message: `Authorization uses "${scheme}"; the gateway's Traefik only routes "Authorization: Bearer <key>" and answers 404 to anything else`,
    });
  }
  return problems;
}
