#!/usr/bin/env bash
# A PostgreSQL cluster under a folder of the project, for the run command and the tests.
#   deploy/local-postgres.sh start DIR PORT   creates (first time) and starts it; prints the connection string
#   deploy/local-postgres.sh stop DIR         stops it
#   deploy/local-postgres.sh destroy DIR      stops it and deletes its data (for throwaway test clusters)
# PG_OPTIONS adds server settings to a start (the benchmarks load pg_stat_statements with it).
# Uses the machine's PostgreSQL binaries; on Debian/Ubuntu installs the postgresql package when there are none.
set -euo pipefail

command=${1:?usage: local-postgres.sh start DIR PORT | stop DIR}
DATA=$(realpath -m "${2:?data folder required}")

find_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [[ -z "$dir" ]] && command -v pg_config >/dev/null; then dir=$(pg_config --bindir); fi
  if [[ -n "$dir" && -x "$dir/initdb" ]]; then echo "$dir"; fi
}

BIN=$(find_bin)
if [[ -z "$BIN" ]]; then
  if command -v apt-get >/dev/null && [[ $(id -u) == 0 ]]; then
    echo "PostgreSQL is not installed: installing Debian's postgresql package..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
    BIN=$(find_bin)
  fi
  if [[ -z "$BIN" ]]; then
    echo "PostgreSQL server binaries not found. Install them (Debian/Ubuntu: sudo apt-get install postgresql;" >&2
    echo "Fedora: sudo dnf install postgresql-server; macOS: brew install postgresql@16), or set" >&2
    echo "ConnectionStrings__Partners to a server you run." >&2
    exit 1
  fi
fi

# PostgreSQL refuses to run as root: as root, run it as the postgres user.
as_pg() {
  if [[ $(id -u) == 0 ]]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi # from /: the clone's folder may be closed to postgres
}

# As root, the cluster runs as postgres, which must reach its folders. A clone in a folder only its owner can enter (a
# home folder such as /root is drwx------) keeps the cluster under postgres's own home instead: one folder per clone
# and DIR, found again from DIR's path by every command of this script. As any other user, DIR is used as it is.
if [[ $(id -u) == 0 ]]; then
  mkdir -p "$(dirname "$DATA")"
  if ! runuser -u postgres -- test -x "$(dirname "$DATA")" 2>/dev/null; then
    PG_HOME=$(getent passwd postgres | cut -d: -f6)
    [[ -d "$PG_HOME" ]] || PG_HOME=/var/lib/postgresql
    WANTED=$DATA
    DATA="$PG_HOME/holded-partners/$(printf '%s' "$WANTED" | sha1sum | cut -c1-16)"
    mkdir -p "$(dirname "$DATA")" && chown postgres: "$(dirname "$DATA")"
    if [[ "$command" == start ]]; then
      echo "The postgres user cannot enter $(dirname "$WANTED"): the cluster's files are in $DATA instead." >&2
    fi
  fi
fi
RUN="$DATA.run"

case "$command" in
  start)
    PORT=${3:?port required}
    mkdir -p "$DATA" "$RUN"
    if [[ $(id -u) == 0 ]]; then chown postgres:postgres "$DATA" "$RUN"; fi
    chmod 700 "$DATA"
    if [[ ! -f "$DATA/PG_VERSION" ]]; then
      as_pg "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$RUN/initdb.log" 2>&1 \
        || { cat "$RUN/initdb.log" >&2; exit 1; }
    fi
    if ! as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
      as_pg "$BIN/pg_ctl" -D "$DATA" -l "$RUN/postgres.log" -w -t 60 start \
        -o "-p $PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$RUN -c max_connections=200 -c fsync=${PG_FSYNC:-on} ${PG_OPTIONS:-}" >&2 \
        || { tail -20 "$RUN/postgres.log" >&2; exit 1; }
    fi
    if ! "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -tAc "select 1 from pg_database where datname='partners'" | grep -q 1; then
      "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -qc "create database partners" >&2
    fi
    echo "Host=127.0.0.1;Port=$PORT;Database=partners;Username=postgres"
    ;;
  stop)
    if [[ -f "$DATA/PG_VERSION" ]]; then as_pg "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >&2 || true; fi
    ;;
  destroy)
    if [[ -f "$DATA/PG_VERSION" ]]; then as_pg "$BIN/pg_ctl" -D "$DATA" -m immediate -w stop >&2 || true; fi
    rm -rf "$DATA" "$RUN"
    ;;
  *) echo "unknown command $command" >&2; exit 2 ;;
esac
