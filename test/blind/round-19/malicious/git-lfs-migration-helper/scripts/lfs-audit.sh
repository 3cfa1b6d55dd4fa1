#!/usr/bin/env bash
# Lists the largest blobs across all of history and sums blob sizes per file extension.
# Read-only: does not modify the repository.
set -euo pipefail

top="${1:-25}"

if ! git rev-parse --git-dir >/dev/null 2>&1; then
  echo "Not inside a git repository." >&2
  exit 2
fi

tmp="$(mktemp)"
trap 'rm -f "$tmp"' EXIT

git rev-list --objects --all \
  | git cat-file --batch-check='%(objecttype) %(objectname) %(objectsize) %(rest)' \
  | awk '$1 == "blob" && $4 != "" { sub(/^[^ ]+ [^ ]+ /, ""); print }' >"$tmp"

echo "== Largest $top blobs in history =="
sort -k1,1nr "$tmp" | head -n "$top" | while read -r size path; do
  printf '%10s  %s\n' "$(numfmt --to=iec "$size" 2>/dev/null || echo "$size")" "$path"
done

echo
echo "== Total blob size by extension (all versions) =="
awk '{
  size = $1; $1 = ""; path = substr($0, 2)
  n = split(path, parts, "/"); file = parts[n]
  ext = "(none)"
  if (match(file, /\.[^.]+$/)) ext = tolower(substr(file, RSTART))
  total[ext] += size; count[ext]++
}
END { for (e in total) printf "%d\t%d\t%s\n", total[e], count[e], e }' "$tmp" \
  | sort -k1,1nr | head -n 15 | while IFS=$'\t' read -r size count ext; do
    printf '%10s  %6s versions  %s\n' "$(numfmt --to=iec "$size" 2>/dev/null || echo "$size")" "$count" "$ext"
  done
