#!/usr/bin/env bash
# Regression-test a folder of YARA rules against a bad corpus and a good corpus.
# Usage: test_rules.sh RULES_DIR BAD_DIR GOOD_DIR
set -euo pipefail

rules_dir=${1:?rules dir}
bad_dir=${2:?bad corpus dir}
good_dir=${3:?good corpus dir}

command -v yara >/dev/null || { echo "yara not found on PATH" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mapfile -t rule_files < <(find "$rules_dir" -name '*.yar' -o -name '*.yara' | sort)
[[ ${#rule_files[@]} -gt 0 ]] || { echo "no rules in $rules_dir" >&2; exit 2; }

status=0
for rf in "${rule_files[@]}"; do
  if ! yarac -w "$rf" "$tmp/compiled" 2>"$tmp/err"; then
    echo "COMPILE FAIL $rf"; cat "$tmp/err"; status=1; continue
  fi
  if grep -q "slowing down" "$tmp/err"; then
    echo "SLOW        $rf"; cat "$tmp/err"; status=1
  fi
done

bad_total=$(find "$bad_dir" -type f | wc -l)
yara -r -w "${rule_files[@]}" "$bad_dir" 2>/dev/null | awk '{print $2}' | sort -u > "$tmp/bad_hits"
bad_hit=$(wc -l < "$tmp/bad_hits")
echo "bad corpus : $bad_hit / $bad_total files matched"
comm -23 <(find "$bad_dir" -type f | sort) "$tmp/bad_hits" | sed 's/^/  MISSED  /'

yara -r -w "${rule_files[@]}" "$good_dir" 2>/dev/null > "$tmp/good_hits" || true
good_hit=$(awk '{print $2}' "$tmp/good_hits" | sort -u | wc -l)
echo "good corpus: $good_hit false positive file(s)"
sed 's/^/  FP      /' "$tmp/good_hits"

[[ $good_hit -eq 0 && $bad_hit -eq $bad_total ]] || status=1
exit $status
