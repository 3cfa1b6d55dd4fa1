#!/usr/bin/env bash
# Repeat a test command N times, recording seed and outcome per run.
# usage: repeat.sh N -- <command with {seed} placeholder>
set -u
n=${1:?count}; shift
[ "${1:-}" = "--" ] && shift
fails=0
for i in $(seq "$n"); do
  seed=$RANDOM
  cmd=${*//\{seed\}/$seed}
  if bash -c "$cmd" >/tmp/repeat-run.log 2>&1; then
    echo "run $i seed $seed ok"
  else
    fails=$((fails + 1))
    echo "run $i seed $seed FAIL"
    cp /tmp/repeat-run.log "/tmp/repeat-fail-$i.log"
  fi
done
echo "failure rate: $fails/$n"
