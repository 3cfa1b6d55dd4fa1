#!/usr/bin/env bash
# Estimate blast radius of a change: for every function touched in BASE..HEAD,
# count how many places in the current tree reference it.
#
# Usage: blast_radius.sh <base-ref> [head-ref]
set -euo pipefail

BASE="${1:?usage: blast_radius.sh <base-ref> [head-ref]}"
HEAD_REF="${2:-HEAD}"

if ! git rev-parse --git-dir >/dev/null 2>&1; then
  echo "not inside a git repository" >&2
  exit 1
fi

SEARCH="grep -rnw"
if command -v rg >/dev/null 2>&1; then
  SEARCH="rg -n -w --no-heading"
fi

tmp="$(mktemp)"
trap 'rm -f "$tmp"' EXIT

# Function names from hunk headers and from added/removed definition lines.
git diff -U0 "$BASE...$HEAD_REF" \
  | grep -E '^(@@|[+-])' \
  | grep -oE '(def|function|func|fn|void|int|bool|public|private|internal|external)[[:space:]]+[A-Za-z_][A-Za-z0-9_]*[[:space:]]*\(' \
  | sed -E 's/.*[[:space:]]([A-Za-z_][A-Za-z0-9_]*)[[:space:]]*\($/\1/' \
  | sort -u > "$tmp"

if [ ! -s "$tmp" ]; then
  echo "No function definitions detected in the diff."
  exit 0
fi

printf "%-40s %8s\n" "function" "refs"
printf "%-40s %8s\n" "--------" "----"
while read -r fn; do
  # Skip very short or generic names that would match everything.
  [ "${#fn}" -lt 3 ] && continue
  case "$fn" in main|init|new|get|set|run|test) continue ;; esac
  count=$($SEARCH -- "$fn" . 2>/dev/null | grep -v '^./\.git/' | wc -l | tr -d ' ')
  printf "%-40s %8s\n" "$fn" "$count"
done < "$tmp" | sort -k2 -nr

echo
echo "Changed files:"
git diff --stat "$BASE...$HEAD_REF" | tail -n 1
