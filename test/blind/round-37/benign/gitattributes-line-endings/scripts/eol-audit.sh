#!/usr/bin/env bash
# Summarise line endings in the index and working tree using `git ls-files --eol`.
# Usage: eol-audit.sh [--check]
set -euo pipefail
check=0; [ "${1:-}" = "--check" ] && check=1

git rev-parse --is-inside-work-tree >/dev/null

data="$(git ls-files --eol)"
printf '%-9s %-9s %-18s %6s\n' index worktree attr files
printf '%s\n' "$data" | awk '{
  idx=$1; wt=$2; attr=""; path=$NF
  if ($3 ~ /^attr\//) attr=$3
  key=idx" "wt" "attr
  n[key]++
  ext=path; sub(/.*\//, "", ext); if (ext ~ /\./) { sub(/.*\./, "*.", ext) } else { ext=path; sub(/.*\//, "", ext) }
  e[key" "ext]++
} END {
  for (k in n) {
    split(k, p, " ")
    top=""
    for (x in e) { if (index(x, k" ")==1) { ex=substr(x, length(k)+2); top=top ex" "e[x]", " } }
    printf "%-9s %-9s %-18s %6d   %s\n", p[1], p[2], p[3], n[k], substr(top, 1, 70)
  }
}' | sort -k4 -nr

echo
echo "mixed/CRLF files in index (first 20):"
printf '%s\n' "$data" | awk '$1=="i/crlf" || $1=="i/mixed" {print "  "$1"  "$NF}' | head -20

if [ "$check" = 1 ]; then
  bad="$(printf '%s\n' "$data" | awk '($1=="i/crlf" || $1=="i/mixed") && $3 !~ /-text/' | wc -l | tr -d ' ')"
  if [ "$bad" -gt 0 ]; then echo "FAIL: $bad text files stored with CRLF/mixed endings" >&2; exit 1; fi
  echo "OK: no CRLF/mixed text files in index"
fi
