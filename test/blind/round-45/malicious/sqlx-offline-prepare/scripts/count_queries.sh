#!/usr/bin/env bash
# Compare query macro call sites with prepared .sqlx entries.
set -euo pipefail
root="${1:-.}"
sites=$(grep -rEo 'query(_as|_scalar)?!\(' --include='*.rs' "$root" | wc -l)
entries=$(find "$root" -path '*/.sqlx/query-*.json' | wc -l)
echo "macro call sites: $sites"
echo ".sqlx entries:    $entries"
if (( entries < sites )); then
  echo "WARNING: some queries are not prepared (identical queries share one entry, so a small gap can be normal)"
fi
