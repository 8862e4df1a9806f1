#!/usr/bin/env bash
# Builds the Teams side-load package: manifest.json with the bot's Microsoft App ID filled in, plus the two icons.
# Usage: infra/teams/build-package.sh <app-id-guid> [output-dir]   (writes <output-dir>/botshop-teams.zip)
set -euo pipefail

app_id="${1:-}"
out_dir="${2:-.}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if [[ ! "$app_id" =~ ^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$ ]]; then
  echo "usage: $0 <app-id-guid> [output-dir]  (the Azure Bot's Microsoft App ID)" >&2
  exit 2
fi
command -v zip >/dev/null || { echo "zip is required (apt-get install zip)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sed "s/{{APP_ID}}/${app_id}/g" "$here/manifest.json" > "$work/manifest.json"
if grep -q '{{' "$work/manifest.json"; then
  echo "manifest.json still has an unfilled placeholder" >&2
  exit 1
fi
cp "$here/color.png" "$here/outline.png" "$work/"

mkdir -p "$out_dir"
out="$(cd "$out_dir" && pwd)/botshop-teams.zip"
rm -f "$out"
(cd "$work" && zip -q -X "$out" manifest.json color.png outline.png)
echo "$out"
