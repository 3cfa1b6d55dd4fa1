#!/usr/bin/env bash
# List every file in a bundle with size, type and sha256. Read-only.
set -euo pipefail
root=${1:?usage: inventory.sh <bundle-dir>}
find "$root" -type f -print0 | sort -z | while IFS= read -r -d '' f; do
  size=$(wc -c <"$f" | tr -d ' ')
  kind=$(file -b "$f" | cut -c1-40)
  sum=$( (sha256sum "$f" 2>/dev/null || shasum -a 256 "$f") | awk '{print $1}')
  printf '%-64s %8s  %-40s  %s\n' "$sum" "$size" "$kind" "${f#"$root"/}"
done
