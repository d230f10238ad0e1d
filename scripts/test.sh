#!/usr/bin/env bash
# The test command (`npm test`). Tests must not reach beyond loopback, and the real Codex CLI looks up hosts on
# its own, so as root the whole suite runs in a fresh loopback-only network namespace, where every name lookup
# fails at once. System packages the suite needs (Chromium for browser tests, PostgreSQL for the mcp_postgres
# upstream) are installed first, outside the namespace.
set -euo pipefail
cd "$(dirname "$0")/.."
export ASTRO_TELEMETRY_DISABLED=1

if [ -z "${PROOFBOOK_IN_NETNS:-}" ]; then
  if [ "$(id -u)" = 0 ]; then
    bash .ci/system-packages.sh
    # The real stack (tests/real-stack/) cannot be installed inside the namespace; without it those tests fail
    # with the install command, so install it here when the package index is reachable.
    bash .ci/real-stack.sh install || echo "test.sh: could not install the real stack; tests/real-stack/ will fail with the reason" >&2
    if unshare -n true 2>/dev/null; then
      exec unshare -n env PROOFBOOK_IN_NETNS=1 bash "$0" "$@"
    fi
    echo "test.sh: unshare -n is not permitted here; running without a network namespace" >&2
  else
    echo "test.sh: not root, so no loopback-only network namespace and no system packages; tests that need them fail with a reason" >&2
  fi
else
  ip link set lo up
fi

pg_url=''
if [ -f .ci/postgres.sh ] && ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  pg_log=$(mktemp)
  pg_url=$(bash .ci/postgres.sh start 2>"$pg_log") || { cat "$pg_log" >&2; echo "test.sh: could not start PostgreSQL" >&2; exit 1; }
  pg_dir=$(sed -n 's/.*stop with: .* stop //p' "$pg_log" | tail -n 1)
  trap 'bash .ci/postgres.sh stop "$pg_dir" >/dev/null 2>&1 || true; rm -f "$pg_log"' EXIT
fi
export PROOFBOOK_TEST_POSTGRES_URL="${PROOFBOOK_TEST_POSTGRES_URL:-$pg_url}"

tsc --noEmit -p .
vitest run "$@"
