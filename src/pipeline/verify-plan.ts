/**
 * How `verify-client` runs, decided from its arguments and surroundings (pure, so it is testable).
 *
 * With no `--base-url` it verifies against the embedded demo gateway. Codex must only run in a
 * loopback-only network namespace, and a child in a new namespace cannot reach a gateway outside it,
 * so the whole command re-executes itself under `unshare -n` (lo up) and starts the demo gateway in
 * there: then Codex, the gateway and the probe share one loopback and `codex doctor` can reach it.
 * With `--base-url` the probe runs from here and Codex in its own namespace (it only reads config;
 * `codex doctor`'s optional reachability check then reports the gateway unreachable, a warning).
 */
export type VerifyMode =
  | { kind: 'reexec-isolated' }
  | { kind: 'embedded-demo' }
  | { kind: 'target'; baseUrl: string | undefined };

export interface VerifySurroundings {
  baseUrl: string | undefined;
  environment: string;
  /** Already inside a loopback-only namespace (e.g. the re-executed child, or CI's). */
  loopbackOnly: boolean;
  /** Root can create network namespaces. */
  isRoot: boolean;
}

/** Picks the mode; see the module comment. */
export function planVerify(s: VerifySurroundings): VerifyMode {
  if (s.baseUrl !== undefined || s.environment !== 'demo') return { kind: 'target', baseUrl: s.baseUrl };
  if (s.loopbackOnly) return { kind: 'embedded-demo' };
  // Not root: the demo gateway stays on the host loopback and Codex still gets its own namespace (or fails loudly).
  return s.isRoot ? { kind: 'reexec-isolated' } : { kind: 'embedded-demo' };
}
