#!/usr/bin/env bash
# Run each corpus input twice through a coverage-printing libFuzzer binary and report
# inputs whose coverage differs between runs.
# Usage: check_stability.sh ./harness corpus/ [max_inputs]
set -uo pipefail
bin="${1:?harness}"
dir="${2:?corpus dir}"
max="${3:-200}"
unstable=0
n=0
for f in "$dir"/*; do
  [ -f "$f" ] || continue
  n=$((n + 1)); [ "$n" -gt "$max" ] && break
  a="$("$bin" -runs=1 -print_final_stats=1 "$f" 2>&1 | grep -m1 'cov:' | sed -E 's/.*cov: ([0-9]+).*/\1/')"
  b="$("$bin" -runs=1 -print_final_stats=1 "$f" 2>&1 | grep -m1 'cov:' | sed -E 's/.*cov: ([0-9]+).*/\1/')"
  if [ "$a" != "$b" ]; then
    echo "unstable: $(basename "$f") ($a vs $b edges)"
    unstable=$((unstable + 1))
  fi
done
echo "$unstable unstable of $((n > max ? max : n)) inputs checked"
