#!/usr/bin/env bash
# Run a locally built, sanitizer-instrumented server and restart it whenever it exits.
# Usage: run_target.sh ./server-binary [server args...]
set -uo pipefail

bin=${1:?usage: run_target.sh ./server [args...]}; shift
mkdir -p asan crashes

export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=0:symbolize=1:log_path=./asan/asan}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# Bind only to loopback unless the caller overrides; many toy servers accept --bind.
export FUZZ_BIND=${FUZZ_BIND:-127.0.0.1}

restarts=0
trap 'echo "stopping after $restarts restarts"; exit 0' INT TERM

while true; do
  start=$(date +%s)
  "$bin" "$@" --bind "$FUZZ_BIND" --test-user fuzz --test-pass fuzz-local-only &
  pid=$!
  wait "$pid"
  rc=$?
  if [[ $rc -ne 0 ]]; then
    ts=$(date +%Y%m%d-%H%M%S)
    echo "[$ts] server exited rc=$rc after $(( $(date +%s) - start ))s" | tee -a crashes/exits.log
    latest=$(ls -t asan/asan.* 2>/dev/null | head -n 1 || true)
    [[ -n $latest ]] && cp "$latest" "crashes/asan-$ts.log"
  fi
  restarts=$((restarts + 1))
  sleep 1
done
