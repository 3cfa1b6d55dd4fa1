#!/usr/bin/env bash
# Run every Fuzz* target in the given packages for a fixed time each.
# usage: fuzz-all.sh <duration> [packages...]   e.g. fuzz-all.sh 5m ./...
set -uo pipefail
budget="${1:-2m}"; shift || true
pkgs=("${@:-./...}")
summary=fuzz-summary.txt
: > "$summary"
status=0
for pkg in $(go list "${pkgs[@]}"); do
  for target in $(go test -list '^Fuzz' "$pkg" 2>/dev/null | grep '^Fuzz' || true); do
    echo "==> $pkg $target ($budget)"
    if go test "$pkg" -run '^$' -fuzz "^${target}\$" -fuzztime "$budget" 2>&1 | tee "/tmp/fuzz-${target}.log" | tail -n 5; then
      echo "PASS $pkg $target" >> "$summary"
    else
      echo "FAIL $pkg $target (log: /tmp/fuzz-${target}.log)" >> "$summary"
      status=1
      break 2
    fi
  done
done
cat "$summary"
exit $status
