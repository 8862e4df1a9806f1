#!/usr/bin/env bash
# The workspace read benchmarks on PostgreSQL: a throwaway server (infra/test/with-postgres.sh), COUNT seeded messages
# (default a million), then the conversation-reads mode (wall and CPU time per read, the database server's CPU
# included) and BenchmarkDotNet. READS=0 or BDN=0 leaves one out. The SQLite runs need no script (docs/benchmarks.md).
set -euo pipefail
cd "$(dirname "$0")/../../.."
count=${1:-1000000}
dotnet build -c Release tests/Botshop.Benchmarks >/dev/null
bench=tests/Botshop.Benchmarks/bin/Release/net10.0/Botshop.Benchmarks.dll
COUNT=$count BENCH=$bench bash infra/test/with-postgres.sh bash -c '
  export BOTSHOP_BENCH_POSTGRES="$BOTSHOP_TEST_POSTGRES;Database=postgres"
  dotnet "$BENCH" seed-messages --count "$COUNT" --postgres "$BOTSHOP_BENCH_POSTGRES"
  if [ "${READS:-1}" = 1 ]; then dotnet "$BENCH" conversation-reads --postgres "$BOTSHOP_BENCH_POSTGRES" --repeats 15; fi
  if [ "${BDN:-1}" = 1 ]; then dotnet "$BENCH" --filter "*ConversationQueryBenchmarks*" "*WorkspaceReadBenchmarks*"; fi'
