#!/usr/bin/env bash
# docs/benchmarks.md, "Inbox at a million messages": whole pages of the recruiter workspace, timed on the
# real server over a seeded SQLite store (seed-messages or inbox-scale), signed in as a browser would be.
#   bash tests/Botshop.Benchmarks/admin-pages.sh DB [RUNS] [PAGE ...]
# DB must hold a model: when it has none, the knowledge and the active model are copied in from a trained template
# (MODEL_FROM, default the newest /tmp/botshop-load/template-*.db, which slack-load trains). Every page is first
# warmed up, then per page RUNS GETs one after another; the time to first byte (curl's time_starttransfer) and to the
# last (time_total: on loopback the transfer itself is negligible, and a big page is flushed while it renders, so this
# is the server's time for the whole page) and the server process's CPU time per request (from /proc), which a
# loaded machine inflates far less than wall time. Prints a Markdown table; the load average is printed before and after.
set -euo pipefail
cd "$(dirname "$0")/../.."
db=$(realpath "${1:?usage: admin-pages.sh DB [RUNS] [PAGE ...]}")
runs=${2:-30}
shift $(( $# >= 2 ? 2 : 1 ))
pages=("$@")
[ ${#pages[@]} -gt 0 ] || pages=(/admin/inbox /admin/conversations "/admin/conversations?outcome=declined"
  "/admin/conversations?below=0.2" "/admin/conversations?down=true" "/admin/conversations?channel=msteams"
  "/admin/conversations?q=stipend" "/admin/conversations?q=zeppelin" /admin)
user=bench-admin password="correct horse battery staple"

server=src/Botshop.Server/bin/Release/net10.0/Botshop.Server.dll
[ -f "$server" ] || dotnet build src/Botshop.Server -c Release -nologo -v q >&2

if [ "$(sqlite3 "$db" "SELECT COUNT(*) FROM model_versions WHERE is_active")" = 0 ]; then
  template=${MODEL_FROM:-$(ls -t /tmp/botshop-load/template-*.db | head -n 1)}
  echo "no model in $db: copying knowledge and model from $template" >&2
  # Tables the template fills and the store has empty: knowledge, model versions (never the logged traffic or accounts).
  for table in $(sqlite3 "$template" "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN
      ('schema_migrations', 'sqlite_sequence', 'conversations', 'messages', 'feedback', 'users', 'audit_log',
       'data_protection_keys', 'training_jobs', 'recruiter_replies')"); do
    if [ "$(sqlite3 "$template" "SELECT COUNT(*) FROM $table")" != 0 ] &&
       [ "$(sqlite3 "$db" "SELECT COUNT(*) FROM sqlite_master WHERE name = '$table'")" = 1 ] &&
       [ "$(sqlite3 "$db" "SELECT COUNT(*) FROM $table")" = 0 ]; then
      # The columns both have: a store seeded before a later migration gets that migration's columns from the server.
      columns=$(sqlite3 "$db" "ATTACH '$template' AS t; SELECT group_concat(a.name, ', ') FROM pragma_table_info('$table', 'main') a
        JOIN pragma_table_info('$table', 't') b ON a.name = b.name")
      sqlite3 "$db" "ATTACH '$template' AS t; INSERT INTO main.$table ($columns) SELECT $columns FROM t.$table;"
    fi
  done
fi

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base=http://127.0.0.1:$port
work=$(mktemp -d)
ConnectionStrings__Botshop="Data Source=$db" Database__Provider=sqlite Botshop__DataPath="$PWD/data" \
  Botshop__UserHashKey=$(printf %s botshop-admin-pages-benchmark-32 | base64) Admin__BootstrapUser=$user Admin__BootstrapPassword="$password" \
  Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production \
  dotnet "$server" --urls "$base" > "$work/server.log" 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 600); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/readyz" || true)" = 200 ] && break
  kill -0 $pid 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.5
done

jar=$work/cookies
token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'; }
login_token=$(curl -s -c "$jar" -b "$jar" "$base/admin/login" | token)
code=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "UserName=$user" \
  --data-urlencode "Password=$password" --data-urlencode "__RequestVerificationToken=$login_token" "$base/admin/login")
[ "$code" = 302 ] || { echo "sign-in refused (HTTP $code)" >&2; exit 1; }

cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) * 1000 / hz }' "/proc/$pid/stat"; }
# Warm-up: every page WARMUP times (default 35), past the 30 calls after which .NET recompiles hot code, so the JIT
# is not what is measured.
for page in "${pages[@]}"; do
  for _ in $(seq 1 "${WARMUP:-35}"); do curl -s -o /dev/null -b "$jar" "$base$page"; done
done
# What the server burns with no request at all (background services), to read the per-request CPU against; measured
# after 5 s, since the warm-up's own tail (recompiling hot code, collecting its garbage) lasts about 3 s.
sleep 5
idle_start=$(cpu_ms); sleep 10; idle=$(echo "($(cpu_ms) - $idle_start) / 10" | bc -l)
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(sqlite3 "$db" "SELECT COUNT(*) FROM messages") messages in $db;" \
  "server CPU while idle: $(printf %.1f "$idle") ms a second"
echo
echo "| Page | HTTP | Runs | TTFB median ms | p90 | max | Whole page median ms | p90 | Server CPU ms per request | less idle CPU | KB |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for page in "${pages[@]}"; do
  before=$(cpu_ms) started=$(date +%s.%N)
  for _ in $(seq 1 "$runs"); do
    curl -s -o /dev/null -b "$jar" -w '%{http_code} %{time_starttransfer} %{size_download} %{time_total}\n' "$base$page"
  done > "$work/times"
  after=$(cpu_ms) elapsed=$(echo "$(date +%s.%N) - $started" | bc -l)
  sort -k2 -n "$work/times" | awk -v page="$page" -v cpu="$(echo "($after - $before) / $runs" | bc -l)" \
      -v busy="$(echo "($after - $before - $idle * $elapsed) / $runs" | bc -l)" '
    { code[NR] = $1; t[NR] = $2 * 1000; size = $3; total[NR] = $4 * 1000 }
    END {
      codes = code[1]; for (i = 2; i <= NR; i++) if (index(codes, code[i]) == 0) codes = codes "," code[i]
      n = NR; for (i = 2; i <= n; i++) for (j = i; j > 1 && total[j - 1] > total[j]; j--) { x = total[j]; total[j] = total[j - 1]; total[j - 1] = x }
      printf "| `%s` | %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.0f |\n", page, codes, NR, t[int((NR + 1) / 2)],
        t[int(NR * 0.9 + 0.5)], t[NR], total[int((n + 1) / 2)], total[int(n * 0.9 + 0.5)], cpu, busy, size / 1024
    }'
done
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
