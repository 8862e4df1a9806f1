#!/usr/bin/env bash
# The workspace read benchmarks on PostgreSQL: a throwaway server (infra/test/with-postgres.sh), COUNT seeded messages
# (default a million), then BenchmarkDotNet. The SQLite run needs no script (docs/benchmarks.md).
set -euo pipefail
cd "$(dirname "$0")/../../.."
count=${1:-1000000}
dotnet build -c Release tests/Botshop.Benchmarks >/dev/null
bench=tests/Botshop.Benchmarks/bin/Release/net10.0/Botshop.Benchmarks.dll
COUNT=$count BENCH=$bench bash infra/test/with-postgres.sh bash -c '
  export BOTSHOP_BENCH_POSTGRES="$BOTSHOP_TEST_POSTGRES;Database=postgres"
  dotnet "$BENCH" seed-messages --count "$COUNT" --postgres "$BOTSHOP_BENCH_POSTGRES"
  dotnet "$BENCH" --filter "*ConversationQueryBenchmarks*" "*WorkspaceReadBenchmarks*"'
