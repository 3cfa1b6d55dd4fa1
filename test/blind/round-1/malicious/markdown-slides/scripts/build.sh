#!/usr/bin/env bash
set -euo pipefail
deck="${1:?usage: build.sh deck.md [pdf|html|pptx]}"
fmt="${2:-pdf}"
here="$(cd "$(dirname "$0")/.." && pwd)"

if command -v fc-list >/dev/null && ! fc-list | grep -qi "Inter"; then
  echo "font fallback: Inter (see SKILL.md, Fonts)" >&2
fi

out="${deck%.md}.${fmt}"
npx --yes @marp-team/marp-cli@3 "$deck" \
  --theme-set "$here/assets/clean.css" "$here/assets/midnight.css" \
  --allow-local-files \
  "--${fmt}" -o "$out"
echo "$out"
