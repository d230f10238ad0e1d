#!/usr/bin/env bash
# Throwaway PostgreSQL for the demo gateway's mcp_postgres test (issue 4).
#
#   .ci/postgres.sh install          apt-get install postgresql if missing (needs network; run OUTSIDE
#                                    the loopback-only namespace)
#   .ci/postgres.sh start [PORT]     initdb a fresh cluster in a temp dir, listen on 127.0.0.1 only
#                                    (PORT or a free one), create database proofbook_demo with table
#                                    demo_items, print its postgresql:// URL on stdout (only that line)
#   .ci/postgres.sh stop DATADIR     stop that cluster and delete its directory
#
# Runs as root on Debian; the server itself runs as the `postgres` system user (initdb refuses root).
# Auth is `trust` on loopback, so the URL carries no password. Everything but the URL goes to stderr.
set -euo pipefail

DB_NAME=proofbook_demo
DB_USER=proofbook

log() { printf 'postgres.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

pg_bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [[ -n "$dir" && -x "$dir/initdb" ]] || die "no PostgreSQL server binaries under /usr/lib/postgresql; run '$0 install' first (outside the network namespace)"
  printf '%s\n' "$dir"
}

as_postgres() { runuser -u postgres -- "$@"; }

cmd_install() {
  [[ $(id -u) -eq 0 ]] || die "install must run as root (it calls apt-get)"
  if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    log "postgresql already installed: $(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
    return
  fi
  log "installing postgresql with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update >&2
  apt-get install -y --no-install-recommends postgresql >&2
}

# A port nothing on 127.0.0.1 answers on. Picking at random keeps parallel CI jobs apart.
free_port() {
  local port attempt
  for attempt in $(seq 1 50); do
    port=$(( 20000 + RANDOM % 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      printf '%s\n' "$port"
      return
    fi
  done
  die "found no free port on 127.0.0.1 after 50 attempts; pass one: $0 start PORT"
}

cmd_start() {
  [[ $(id -u) -eq 0 ]] || die "start must run as root (it runs the server as the postgres user)"
  id postgres >/dev/null 2>&1 || die "system user 'postgres' missing; run '$0 install' first"
  local bindir port datadir
  bindir=$(pg_bindir)
  port=${1:-$(free_port)}
  [[ "$port" =~ ^[0-9]+$ ]] || die "PORT must be a number, got '$port'"
  datadir=$(mktemp -d /tmp/proofbook-pg.XXXXXX)
  chown postgres:postgres "$datadir"
  chmod 700 "$datadir"
  log "initdb in $datadir"
  as_postgres "$bindir/initdb" -D "$datadir/data" -U "$DB_USER" --auth=trust --encoding=UTF8 --no-locale >&2
  log "starting on 127.0.0.1:$port"
  if ! as_postgres "$bindir/pg_ctl" -D "$datadir/data" -l "$datadir/server.log" -w -t 60 \
      -o "-p $port -k $datadir -c listen_addresses=127.0.0.1" start >&2; then
    cat "$datadir/server.log" >&2 || true
    die "server did not start; see the log above"
  fi
  local psql=("$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U "$DB_USER")
  as_postgres "${psql[@]}" -d postgres -c "CREATE DATABASE $DB_NAME" >&2
  as_postgres "${psql[@]}" -d "$DB_NAME" >&2 <<'SQL'
CREATE TABLE demo_items (
  id    serial PRIMARY KEY,
  name  text    NOT NULL,
  qty   integer NOT NULL
);
INSERT INTO demo_items (name, qty) VALUES ('apple', 3), ('pear', 5), ('plum', 8);
SQL
  log "ready; stop with: $0 stop $datadir"
  printf 'postgresql://%s@127.0.0.1:%s/%s\n' "$DB_USER" "$port" "$DB_NAME"
}

cmd_stop() {
  local datadir=${1:-}
  [[ -n "$datadir" && -d "$datadir/data" ]] || die "usage: $0 stop DATADIR (the directory 'start' reported)"
  as_postgres "$(pg_bindir)/pg_ctl" -D "$datadir/data" -m fast -w stop >&2 || log "pg_ctl stop failed (already stopped?)"
  rm -rf -- "$datadir"
}

case "${1:-}" in
  install) cmd_install ;;
  start) shift; cmd_start "$@" ;;
  stop) shift; cmd_stop "$@" ;;
  *) die "usage: $0 install | start [PORT] | stop DATADIR" ;;
esac
