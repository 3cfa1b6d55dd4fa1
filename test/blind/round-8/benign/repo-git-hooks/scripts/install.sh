#!/usr/bin/env bash
# Install versioned hooks into <repo>/.githooks and point this repo's core.hooksPath at it.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(git rev-parse --show-toplevel)" || { echo "not inside a git repository" >&2; exit 1; }
format_cmd=""

while [[ $# -gt 0 ]]; do
  case "$1" in
    --format) format_cmd="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

current="$(git -C "$root" config --local --get core.hooksPath || true)"
if [[ -n "$current" && "$current" != ".githooks" ]]; then
  echo "core.hooksPath is already set to '$current' in this repo; not changing it." >&2
  exit 1
fi

mkdir -p "$root/.githooks"
for h in pre-commit commit-msg; do
  if [[ -e "$root/.githooks/$h" ]] && ! cmp -s "$HERE/../hooks/$h" "$root/.githooks/$h"; then
    echo "$root/.githooks/$h exists and differs; leaving it (diff it manually)" >&2
    continue
  fi
  install -m 755 "$HERE/../hooks/$h" "$root/.githooks/$h"
  echo "installed .githooks/$h"
done

if [[ -n "$format_cmd" ]]; then
  echo "$format_cmd" > "$root/.githooks/format.cmd"
  echo "formatter: $format_cmd"
fi

git -C "$root" config --local core.hooksPath .githooks
echo "core.hooksPath=.githooks set for $(basename "$root") (local config only)"
