#!/usr/bin/env bash
# Installs what the test suite needs and a fresh Debian machine lacks: PostgreSQL (a throwaway server per run),
# Chromium (web page tests), Node.js (Slack's own verifier as a cross-check). Needs root (or sudo) only when installing.
set -euo pipefail

missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v dotnet >/dev/null 2>&1 || { echo "The .NET 10 SDK is required (https://dot.net)." >&2; exit 1; }

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
