#!/usr/bin/env bash
# Compile every rule in a directory and run it against a malicious and a goodware corpus.
# usage: test_rules.sh RULE_DIR MALICIOUS_DIR GOODWARE_DIR
set -euo pipefail

if [[ $# -ne 3 ]]; then
  echo "usage: $0 RULE_DIR MALICIOUS_DIR GOODWARE_DIR" >&2
  exit 2
fi
rules_dir=$1 bad=$2 good=$3
command -v yara >/dev/null || { echo "yara not found (brew install yara / apt install yara)" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

status=0
for rule_file in "$rules_dir"/*.yar; do
  if ! yarac "$rule_file" "$tmp/$(basename "$rule_file").yarc" 2>"$tmp/err"; then
    echo "COMPILE FAIL  $rule_file"; sed 's/^/    /' "$tmp/err"; status=1; continue
  fi
  bad_total=$(find "$bad" -type f | wc -l | tr -d ' ')
  bad_hit=$(yara -r "$rule_file" "$bad" 2>/dev/null | awk '{print $2}' | sort -u | wc -l | tr -d ' ')
  good_hits=$(yara -r "$rule_file" "$good" 2>/dev/null || true)
  good_hit=$(printf '%s' "$good_hits" | grep -c . || true)
  printf '%-34s malicious %s/%s   goodware hits %s\n' "$(basename "$rule_file")" "$bad_hit" "$bad_total" "$good_hit"
  if [[ "$good_hit" -gt 0 ]]; then
    printf '%s\n' "$good_hits" | head -20 | sed 's/^/    FP: /'
    status=1
  fi
done
exit $status
