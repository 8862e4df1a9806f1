#!/usr/bin/env bash
# Runs the storage tests with the PostgreSQL suites enabled, on a throwaway PostgreSQL started in a temporary
# folder on a free loopback port and removed afterwards. Extra arguments go to `dotnet test`.
# initdb refuses to run as root, so as root the server runs as the postgres user.
set -euo pipefail
cd "$(dirname "$0")/../.."
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
DIR=$(mktemp -d "${TMPDIR:-/tmp}/botshop-pg.XXXXXX")
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$DIR"

as_pg "$PGBIN/initdb" -D "$DIR/data" -U postgres -A trust --no-sync >/dev/null
# Durability is irrelevant for a database deleted after the run.
as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c max_connections=200" start >/dev/null
trap 'as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null; rm -rf "$DIR"' EXIT

export BOTSHOP_TEST_POSTGRES="Host=127.0.0.1;Port=$PORT;Username=postgres"
dotnet test tests/Botshop.Storage.Tests "$@"
