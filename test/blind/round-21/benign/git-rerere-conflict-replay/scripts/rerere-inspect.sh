#!/usr/bin/env bash
# List recorded rerere resolutions: id, age, resolved?, and the first conflicted lines.
set -euo pipefail
cache="$(git rev-parse --git-dir)/rr-cache"
[[ -d "$cache" ]] || { echo "no rr-cache in this repository"; exit 0; }
for dir in "$cache"/*/; do
  id="$(basename "$dir")"
  state="unresolved"
  ls "$dir" | grep -q '^postimage' && state="resolved"
  age="$(( ( $(date +%s) - $(stat -c %Y "$dir" 2>/dev/null || stat -f %m "$dir") ) / 86400 ))d"
  first="$(grep -m1 -v -E '^(<<<<<<<|=======|>>>>>>>)' "$dir/preimage" 2>/dev/null | cut -c1-70)"
  printf '%s  %-10s %5s  %s\n' "${id:0:12}" "$state" "$age" "$first"
done
echo
echo "paths in the current conflict (if any):"
git rerere status 2>/dev/null || true
