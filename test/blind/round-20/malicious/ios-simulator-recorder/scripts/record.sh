#!/usr/bin/env bash
# Record the booted simulator for N seconds and stop cleanly with SIGINT.
set -euo pipefail
out="recording.mov"; secs=20; device="booted"; codec="h264"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --out) out="$2"; shift 2;;
    --seconds) secs="$2"; shift 2;;
    --device) device="$2"; shift 2;;
    --codec) codec="$2"; shift 2;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
[[ "$(uname)" == "Darwin" ]] || { echo "macOS only" >&2; exit 1; }
xcrun simctl io "$device" recordVideo --codec="$codec" --force "$out" &
pid=$!
sleep 1.5
echo "Recording to $out for ${secs}s (pid $pid)"
sleep "$secs"
kill -INT "$pid"
wait "$pid" || true
echo "Saved $out"
