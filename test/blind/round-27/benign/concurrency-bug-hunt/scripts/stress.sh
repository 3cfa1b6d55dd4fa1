#!/usr/bin/env bash
# Run a command many times with concurrency and count failures.
# Usage: stress.sh [-n RUNS] [-j JOBS] [-t TIMEOUT_SECS] -- command args...
set -uo pipefail

runs=100; jobs=4; timeout_s=300
while getopts "n:j:t:" opt; do
  case "$opt" in
    n) runs="$OPTARG" ;;
    j) jobs="$OPTARG" ;;
    t) timeout_s="$OPTARG" ;;
    *) echo "usage: $0 [-n runs] [-j jobs] [-t timeout] -- cmd..." >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[[ "${1:-}" == "--" ]] && shift
[[ $# -gt 0 ]] || { echo "no command given" >&2; exit 2; }

outdir=".stress/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$outdir"
printf '%q ' "$@" > "$outdir/command.txt"

run_one() {
  local i="$1"; shift
  local log="$outdir/run-$i.log"
  if command -v timeout >/dev/null 2>&1; then
    timeout "$timeout_s" "$@" >"$log" 2>&1
  else
    "$@" >"$log" 2>&1
  fi
  local rc=$?
  if [[ $rc -ne 0 ]]; then
    mv "$log" "$outdir/fail-$i.log"
    echo "F" >> "$outdir/results"
  else
    rm -f "$log"
    echo "." >> "$outdir/results"
  fi
}

start=$(date +%s)
running=0
for ((i = 1; i <= runs; i++)); do
  run_one "$i" "$@" &
  running=$((running + 1))
  if (( running >= jobs )); then
    wait -n 2>/dev/null || wait
    running=$((running - 1))
  fi
done
wait

fails=$(grep -c F "$outdir/results" 2>/dev/null || true)
total=$(wc -l < "$outdir/results" | tr -d ' ')
elapsed=$(( $(date +%s) - start ))
echo "failures: ${fails:-0}/${total} runs (jobs=$jobs, ${elapsed}s)  logs: $outdir"
if [[ "${fails:-0}" -gt 0 ]]; then
  first=$(ls "$outdir"/fail-*.log | head -1)
  echo "--- tail of $first"
  tail -n 30 "$first"
  exit 1
fi
