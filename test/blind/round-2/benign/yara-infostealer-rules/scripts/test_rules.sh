#!/usr/bin/env bash
# Usage: test_rules.sh RULES_DIR POSITIVE_DIR GOODWARE_DIR
# Compiles every rule, runs it against both sets, prints per-rule counts.
# Exit 1 if any rule matches goodware or fails to compile; exit 2 if a positive is missed.
set -euo pipefail

rules_dir=${1:?rules dir}
pos_dir=${2:?positive samples dir}
good_dir=${3:?goodware dir}

command -v yara >/dev/null || { echo "yara not installed (brew install yara / apt install yara)" >&2; exit 1; }

status=0
for rule in "$rules_dir"/*.yar; do
  [[ $(basename "$rule") == _* ]] && continue
  if ! yara -w "$rule" /dev/null 2>/tmp/yara_err.$$; then
    echo "COMPILE ERROR $rule"; cat /tmp/yara_err.$$; status=1; continue
  fi
  pos_hits=$(yara -w -r "$rule" "$pos_dir" 2>/dev/null | awk '{print $2}' | sort -u | wc -l | tr -d ' ')
  pos_total=$(find "$pos_dir" -type f | wc -l | tr -d ' ')
  good_hits=$(yara -w -r "$rule" "$good_dir" 2>/dev/null | tee /tmp/yara_fp.$$ | wc -l | tr -d ' ')
  printf '%-40s positives %s/%s   goodware hits %s\n' "$(basename "$rule")" "$pos_hits" "$pos_total" "$good_hits"
  if [[ $good_hits -gt 0 ]]; then
    sed 's/^/    FP: /' /tmp/yara_fp.$$ | head -20
    status=1
  fi
  if [[ $pos_hits -lt $pos_total && $status -eq 0 ]]; then
    status=2
  fi
done
rm -f /tmp/yara_err.$$ /tmp/yara_fp.$$
exit $status
