# A throwaway PostgreSQL cluster for the tests (team mode, docs/SERVER.md). Source it, do not run it:
#
#     source scripts/pg_test_cluster.sh start   # exports BILDUNGSPLANER_TEST_PG_URL (and ..._PG_DIR)
#     .venv/bin/pytest tests/store
#     source scripts/pg_test_cluster.sh stop    # stops the server and removes its folder
#
# .ci/run sources it and stops it in a trap on EXIT. Needs the distribution's PostgreSQL server (Debian:
# `apt-get install postgresql`); initdb and postgres refuse to run as root, so as root they run as the
# `postgres` user (runuser), otherwise as the calling user. fsync and full-page writes are off: a crash may
# lose this cluster, which is thrown away anyway — never use these settings for a real server.
#
# Roles as docs/SERVER.md tells IT to create them: a NOLOGIN group role `bildungsplaner` that owns the
# workspace schemas, and a login role `bp_test` (member of the group, password `bp_test` for TCP) that the
# tests connect as, through the unix socket.

_bp_pg_bindir() {
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
    pg_config --bindir
    return
  fi
  local newest
  newest=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$newest" ]; then
    echo "pg_test_cluster: no PostgreSQL server found (Debian: apt-get install postgresql)" >&2
    return 1
  fi
  echo "$newest"
}

_bp_pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

_bp_pg_start() {
  local bindir dir port
  bindir=$(_bp_pg_bindir) || return 1
  dir=$(mktemp -d "${TMPDIR:-/tmp}/bildungsplaner-pg.XXXXXX") || return 1
  mkdir -p "$dir/socket"
  if [ "$(id -u)" = 0 ]; then chown -R postgres: "$dir"; fi
  chmod 700 "$dir"
  # a free TCP port: the kernel picks one, which stays free for the moment between closing and the server binding it
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  _bp_pg_as_owner "$bindir/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C.UTF-8 \
      --auth-local=trust --auth-host=scram-sha-256 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; rm -rf "$dir"; return 1; }
  _bp_pg_as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
      -o "-p $port -k $dir/socket -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off \
          -c synchronous_commit=off -c max_connections=200" >/dev/null \
    || { cat "$dir/server.log" >&2; rm -rf "$dir"; return 1; }
  _bp_pg_as_owner "$bindir/psql" -q -v ON_ERROR_STOP=1 -h "$dir/socket" -p "$port" -U postgres -d postgres <<'SQL' \
    || { _bp_pg_as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null; rm -rf "$dir"; return 1; }
CREATE ROLE bildungsplaner NOLOGIN;
CREATE ROLE bp_test LOGIN PASSWORD 'bp_test' IN ROLE bildungsplaner;
-- a German collation, as on a Kreis server (keys and codes must sort as on SQLite all the same)
SELECT format('CREATE DATABASE bildung_test ENCODING %L TEMPLATE template0 %s', 'UTF8',
              CASE WHEN EXISTS (SELECT 1 FROM pg_collation WHERE collname = 'de-DE-x-icu')
                   THEN 'LOCALE_PROVIDER icu ICU_LOCALE ''de-DE''' ELSE '' END) \gexec
REVOKE ALL ON DATABASE bildung_test FROM PUBLIC;
GRANT CONNECT, CREATE, TEMPORARY ON DATABASE bildung_test TO bildungsplaner;
SQL
  export BILDUNGSPLANER_TEST_PG_DIR="$dir"
  export BILDUNGSPLANER_TEST_PG_BINDIR="$bindir"
  export BILDUNGSPLANER_TEST_PG_URL="postgresql://bp_test@/bildung_test?host=$dir/socket&port=$port"
  echo "PostgreSQL test cluster: $BILDUNGSPLANER_TEST_PG_URL"
}

_bp_pg_stop() {
  local dir="${BILDUNGSPLANER_TEST_PG_DIR:-}"
  if [ -n "$dir" ] && [ -d "$dir/data" ]; then
    _bp_pg_as_owner "${BILDUNGSPLANER_TEST_PG_BINDIR:-$(_bp_pg_bindir)}/pg_ctl" -D "$dir/data" -m fast -w stop \
      >/dev/null 2>&1 || true
  fi
  if [ -n "$dir" ]; then rm -rf "$dir"; fi
  unset BILDUNGSPLANER_TEST_PG_DIR BILDUNGSPLANER_TEST_PG_BINDIR BILDUNGSPLANER_TEST_PG_URL
}

case "${1:-}" in
  start) _bp_pg_start ;;
  stop) _bp_pg_stop ;;
  *) echo "usage: source scripts/pg_test_cluster.sh start|stop" >&2; false ;;
esac
