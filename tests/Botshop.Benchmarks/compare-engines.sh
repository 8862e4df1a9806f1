#!/usr/bin/env bash
# docs/benchmarks.md, "PostgreSQL": the Slack event path and conversation-log writes on SQLite and on PostgreSQL.
# Run it inside a throwaway PostgreSQL with fsync on, as production runs (with-postgres.sh's default is off):
#   BOTSHOP_TEST_POSTGRES_OPTIONS="-c fsync=on" bash infra/test/with-postgres.sh bash tests/Botshop.Benchmarks/compare-engines.sh OUT_DIR
# Engines alternate rate by rate, so both meet the same machine (other work on it shows as "Other cores").
# RATES (default "250 500 1000"), RUN_SECONDS (20) and REPEAT (3) shorten it; SERVER names a Botshop.Server.dll to
# measure instead of building the repository's.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:?usage: compare-engines.sh OUT_DIR}
mkdir -p "$out"
dotnet build tests/Botshop.Benchmarks -c Release -nologo -v q
bench() { dotnet tests/Botshop.Benchmarks/bin/Release/net10.0/Botshop.Benchmarks.dll "$@"; }

for rate in ${RATES:-250 500 1000}; do
  for store in sqlite postgres; do
    bench slack-load --store "$store" --rate "$rate" --seconds "${RUN_SECONDS:-20}" --repeat "${REPEAT:-3}" ${SERVER:+--server "$SERVER"} > "$out/slack-$store-$rate.md" 2> "$out/slack-$store-$rate.log"
  done
done
bench log-insert --store both --messages 2000 --writers 1,8 --repeat 5 > "$out/log-insert.md" 2> "$out/log-insert.log"
bench log-insert --store postgres --synchronous-commit off --messages 2000 --writers 1,8 --repeat 5 \
  > "$out/log-insert-postgres-async-commit.md" 2> "$out/log-insert-postgres-async-commit.log"
cat "$out"/*.md
