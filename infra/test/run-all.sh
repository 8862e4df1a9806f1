#!/usr/bin/env bash
# The README's test command: installs what is missing, starts a throwaway PostgreSQL, runs every test project in
# the solution, and ends with one line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/../.."
bash infra/test/ensure-deps.sh

log=$(mktemp "${TMPDIR:-/tmp}/botshop-test.XXXXXX")
trap 'rm -f "$log"' EXIT
status=0
bash infra/test/with-postgres.sh dotnet test Botshop.sln -c Release --nologo "$@" 2>&1 | tee "$log" || status=$?

# dotnet test prints one summary per test project: "Passed!  - Failed: 0, Passed: 16, Skipped: 0, Total: 16".
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
projects=$(grep -cE '^(Passed|Failed)! ' "$log" || true)
echo "Test projects run: $projects"
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then exit 1; fi
