#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL: initdb into a temporary folder, a free loopback port, removed at the
# end whatever happens. The command sees the server in BOTSHOP_TEST_POSTGRES (an Npgsql connection string).
set -euo pipefail
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)}
DIR=$(mktemp -d "${TMPDIR:-/tmp}/botshop-pg.XXXXXX")
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# initdb refuses to run as root: as root, the server runs as the postgres user the package creates.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$DIR"

stop() { as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$DIR"; }
trap stop EXIT
as_pg "$PGBIN/initdb" -D "$DIR/data" -U postgres -A trust --no-sync >/dev/null
# Durability is irrelevant for a database deleted after the run. BOTSHOP_TEST_POSTGRES_OPTIONS adds server options
# after these (the last one wins): benchmarks measure with "-c fsync=on", as production runs.
as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c max_connections=200 ${BOTSHOP_TEST_POSTGRES_OPTIONS:-}" start >/dev/null

export BOTSHOP_TEST_POSTGRES="Host=127.0.0.1;Port=$PORT;Username=postgres"
"$@"
