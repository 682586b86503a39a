#!/usr/bin/env bash
# Starts or stops a private PostgreSQL for the inventory's live tests: its own data directory and port,
# listening on 127.0.0.1 only, trusting local connections. "stop" stops only the server that "start" started.
#
#   bash scripts/postgres.sh start   # prints the JDBC URL the tests use
#   bash scripts/postgres.sh stop
#
# UNMANAGED_PG_PORT (default 55432) and UNMANAGED_PG_DIR (default ${TMPDIR:-/tmp}/unmanaged-postgres-PORT)
# choose another port or directory.
set -euo pipefail

PORT="${UNMANAGED_PG_PORT:-55432}"
STATE="${UNMANAGED_PG_DIR:-${TMPDIR:-/tmp}/unmanaged-postgres-$PORT}"
DATA="$STATE/data"
SOCKETS="$STATE/run"
LOG="$STATE/server.log"
DATABASE=unmanaged
SUPERUSER=postgres

die() { echo "postgres.sh: $*" >&2; exit 1; }

bindir() {
  local dir
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/pg_ctl" ]; then
    pg_config --bindir; return
  fi
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/pg_ctl" ] || die "no PostgreSQL server found (install the Debian package 'postgresql')"
  echo "$dir"
}

# The server refuses to run as root: as root, run its tools as the postgres user.
as_server_user() {
  if [ "$(id -u)" = 0 ]; then
    id "$SUPERUSER" >/dev/null 2>&1 || die "user '$SUPERUSER' is missing (the postgresql package creates it)"
    su "$SUPERUSER" -s /bin/sh -c "$(printf '%q ' "$@")"
  else
    "$@"
  fi
}

owned_dir() {
  if [ "$(id -u)" = 0 ]; then install -d -o "$SUPERUSER" -g "$SUPERUSER" -m 700 "$1"; else install -d -m 700 "$1"; fi
}

running() {
  [ -f "$DATA/postmaster.pid" ] && as_server_user "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

start() {
  if running; then
    echo "PostgreSQL already running from $DATA"
  else
    if "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" 2>/dev/null; then
      die "port $PORT on 127.0.0.1 is taken by a server this script did not start; set UNMANAGED_PG_PORT"
    fi
    owned_dir "$STATE"
    owned_dir "$SOCKETS"
    if [ ! -f "$DATA/PG_VERSION" ]; then
      owned_dir "$DATA"
      as_server_user "$BIN/initdb" -D "$DATA" -U "$SUPERUSER" -A trust -E UTF8 --no-locale >"$STATE/initdb.log" 2>&1 \
        || { cat "$STATE/initdb.log" >&2; die "initdb failed"; }
    fi
    as_server_user "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 \
      -o "-p $PORT -k $SOCKETS -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off" start >/dev/null \
      || { tail -n 20 "$LOG" >&2 || true; die "the server did not start"; }
  fi
  if [ -z "$("$BIN/psql" -h 127.0.0.1 -p "$PORT" -U "$SUPERUSER" -d postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'")" ]; then
    "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U "$SUPERUSER" "$DATABASE"
  fi
  echo "PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT, data in $DATA"
  echo "JDBC URL: jdbc:postgresql://127.0.0.1:$PORT/$DATABASE?user=$SUPERUSER"
}

stop() {
  if running; then
    as_server_user "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
    echo "PostgreSQL on port $PORT stopped"
  else
    echo "no PostgreSQL of this script is running from $DATA"
  fi
  # Only the directory this script made is removed: one that holds its data or socket directory.
  if [ -f "$DATA/PG_VERSION" ] || [ -d "$SOCKETS" ]; then
    rm -rf "$STATE"
  fi
}

BIN=$(bindir)
case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
