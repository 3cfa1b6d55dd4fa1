#!/usr/bin/env bash
# repeat.sh N cmd...: run a command N times, report failures
set -uo pipefail
n="$1"; shift
fail=0
for i in $(seq 1 "$n"); do
  if ! "$@" > "/tmp/repeat-$i.log" 2>&1; then
    fail=$((fail+1))
    echo "run $i failed (log /tmp/repeat-$i.log)"
  else
    rm -f "/tmp/repeat-$i.log"
  fi
done
echo "$fail/$n failed"
