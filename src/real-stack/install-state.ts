/**
 * Where the real stack's programs are, and whether they are installed. The venv is made by `.ci/real-stack.sh
 * install` (outside the loopback-only namespace); a missing venv is an error that says how to install it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The command that installs the real stack, as users type it. */
export const INSTALL_COMMAND = 'bash .ci/real-stack.sh install';

/** Paths of the real stack under a checkout. */
export function realStackPaths(root: string, venv = process.env.PROOFBOOK_REAL_STACK_VENV ?? '.venv') {
  const venvDir = path.resolve(root, venv);
  return {
    venv: venvDir,
    litellm: path.join(venvDir, 'bin/litellm'),
    traefik: path.join(venvDir, 'bin/traefik'),
    lock: path.join(root, 'src/real-stack/requirements.txt'),
    stamp: path.join(venvDir, '.proofbook-lock.sha256'),
    installScript: path.join(root, '.ci/real-stack.sh'),
    postgresScript: path.join(root, '.ci/postgres.sh'),
  };
}

/** Why the real stack cannot run from this checkout, or null when its venv holds the current lock. */
export function installProblem(root: string): string | null {
  const paths = realStackPaths(root);
  if (!existsSync(paths.litellm) || !existsSync(paths.traefik)) {
    return `the real stack is not installed (no ${path.relative(root, paths.litellm)} or ${path.relative(root, paths.traefik)}): run \`${INSTALL_COMMAND}\` (needs the package index, so outside the loopback-only namespace; about 2 minutes)`;
  }
  const lockHash = createHash('sha256').update(readFileSync(paths.lock)).digest('hex');
  const stamp = existsSync(paths.stamp) ? readFileSync(paths.stamp, 'utf8').trim() : '';
  if (stamp !== lockHash) return `the real stack's venv does not match src/real-stack/requirements.txt: run \`${INSTALL_COMMAND}\` again`;
  return null;
}
