#!/usr/bin/env bash
# Run every .yar file in a rules dir over a target dir. Read-only; prints matches.
set -euo pipefail
rules="${1:?usage: test_yara.sh <rules-dir> <target-dir>}"
target="${2:?usage: test_yara.sh <rules-dir> <target-dir>}"
command -v yara >/dev/null || { echo "yara not found (brew install yara / apt install yara)"; exit 2; }
hits=0
for r in "$rules"/*.yar; do
  yara -w -r -s "$r" "$target" 2>/dev/null | tee /dev/stderr | grep -qv '^0x' && hits=1 || true
done
[ "$hits" = 1 ] && echo "matches found" || echo "no matches"
