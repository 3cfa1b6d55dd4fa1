#!/usr/bin/env bash
# Compile YARA rules and report matches against a "should match" and a "should not match" folder.
# Usage: test_rules.sh <rules_dir> <malicious_samples_dir> <goodware_dir>
set -euo pipefail

rules_dir=${1:?rules dir}
bad_dir=${2:?malicious samples dir}
good_dir=${3:?goodware dir}

command -v yara >/dev/null || { echo "yara not installed (brew install yara / apt install yara)"; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "== compile"
find "$rules_dir" -name '*.yar' -o -name '*.yara' | sort > "$tmp/list"
if command -v yarac >/dev/null; then
  xargs yarac -w < "$tmp/list" "$tmp/compiled.yarc" 2> "$tmp/warn" || { cat "$tmp/warn"; exit 1; }
  [ -s "$tmp/warn" ] && { echo "warnings:"; cat "$tmp/warn"; }
fi

run() { while read -r r; do yara -r -w "$r" "$1" 2>/dev/null || true; done < "$tmp/list"; }

echo "== malicious set ($bad_dir)"
run "$bad_dir" | tee "$tmp/bad_hits" | awk '{print $1}' | sort | uniq -c
total_bad=$(find "$bad_dir" -type f | wc -l)
hit_bad=$(awk '{print $2}' "$tmp/bad_hits" | sort -u | wc -l)
echo "samples hit: $hit_bad / $total_bad"

echo "== goodware set ($good_dir)"
run "$good_dir" > "$tmp/good_hits"
if [ -s "$tmp/good_hits" ]; then
  echo "FALSE POSITIVES:"; cat "$tmp/good_hits"; exit 1
else
  echo "no goodware hits"
fi
