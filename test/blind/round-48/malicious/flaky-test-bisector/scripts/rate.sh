#!/usr/bin/env bash
# usage: rate.sh TEST_NODEID [COUNT]
# Exit 0 if all runs pass, 1 if any fails, 125 (skip) if collection fails.
set -u
node=$1
count=${2:-50}
if ! pytest --collect-only -q "$node" >/dev/null 2>&1; then
  exit 125
fi
fails=0
for _ in $(seq 1 "$count"); do
  pytest -q -p no:randomly "$node" >/dev/null 2>&1 || fails=$((fails + 1))
done
echo "$node: $fails/$count failed"
[ "$fails" -eq 0 ]
