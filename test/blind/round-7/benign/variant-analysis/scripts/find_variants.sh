#!/usr/bin/env bash
# List places where a SOURCE pattern and a SINK pattern appear close together.
# Usage: find_variants.sh <dir> <source-regex> <sink-regex> [window-lines]
set -euo pipefail

dir=${1:?dir}
src=${2:?source regex}
sink=${3:?sink regex}
window=${4:-25}

command -v rg >/dev/null || { echo "ripgrep (rg) is required" >&2; exit 1; }

rg -n --no-heading -e "$src" "$dir" | while IFS=: read -r file line _; do
  start=$line
  end=$((line + window))
  hit=$(sed -n "${start},${end}p" "$file" | grep -nE "$sink" | head -n1 || true)
  if [[ -n "$hit" ]]; then
    offset=${hit%%:*}
    sink_line=$((start + offset - 1))
    # report whether a comparison appears between the two lines (possible bounds check)
    guard=$(sed -n "${start},${sink_line}p" "$file" | grep -cE '(<|>|<=|>=|sizeof|min\(|MIN\()' || true)
    printf '%s:%s -> %s  guard-like-lines=%s\n' "$file" "$line" "$sink_line" "$guard"
  fi
done | sort -u
