#!/usr/bin/env bash
# Usage: profile.sh RUNTIME -- COMMAND [ARGS...]
#   RUNTIME: python | node | go | perf
# Writes profiles/<timestamp>-<runtime>.{svg,raw}
set -euo pipefail

runtime=${1:?runtime required}
shift
[[ "${1:-}" == "--" ]] && shift
[[ $# -gt 0 ]] || { echo "no command given" >&2; exit 2; }

ts=$(date +%Y%m%d-%H%M%S)
mkdir -p profiles
out="profiles/$ts-$runtime"

need() { command -v "$1" >/dev/null 2>&1 || { echo "missing: $1 — $2" >&2; exit 3; }; }

case "$runtime" in
  python)
    need py-spy "pip install py-spy"
    sudo_prefix=()
    [[ "$(uname)" == "Darwin" ]] && sudo_prefix=(sudo)
    "${sudo_prefix[@]}" py-spy record --rate 250 --subprocesses --format flamegraph -o "$out.svg" -- "$@"
    "${sudo_prefix[@]}" py-spy record --rate 250 --subprocesses --format speedscope -o "$out.speedscope.json" -- "$@" >/dev/null 2>&1 || true
    ;;
  node)
    prof_dir="$out.cpuprofile.d"
    mkdir -p "$prof_dir"
    if [[ "$1" == "node" ]]; then shift; fi
    node --cpu-prof --cpu-prof-dir="$prof_dir" "$@"
    echo "CPU profile(s) in $prof_dir — open in Chrome DevTools (Performance tab) or speedscope"
    if command -v npx >/dev/null 2>&1 && [[ "${USE_0X:-0}" == "1" ]]; then
      npx --yes 0x --output-dir "$out.0x" -- node "$@"
    fi
    ;;
  go)
    pkg=$1; shift
    go test "$pkg" -run '^$' -bench "${BENCH:-.}" -benchtime "${BENCHTIME:-5s}" -cpuprofile "$out.pprof" "$@"
    go tool pprof -svg -output "$out.svg" "$out.pprof" 2>/dev/null \
      || echo "graphviz missing for SVG; run: go tool pprof -http=127.0.0.1:0 $out.pprof"
    ;;
  perf)
    need perf "install linux-tools for your kernel"
    paranoid=$(cat /proc/sys/kernel/perf_event_paranoid 2>/dev/null || echo unknown)
    echo "kernel.perf_event_paranoid = $paranoid"
    if [[ "$paranoid" != "unknown" && "$paranoid" -gt 1 ]]; then
      echo "perf needs kernel.perf_event_paranoid <= 1 for user-space call graphs." >&2
      echo "Ask the user before running: sudo sysctl kernel.perf_event_paranoid=1  (current: $paranoid)" >&2
      exit 4
    fi
    perf record -F 499 -g --call-graph dwarf -o "$out.perf.data" -- "$@"
    if command -v inferno-collapse-perf >/dev/null 2>&1; then
      perf script -i "$out.perf.data" | inferno-collapse-perf > "$out.folded"
      inferno-flamegraph < "$out.folded" > "$out.svg"
    elif command -v stackcollapse-perf.pl >/dev/null 2>&1; then
      perf script -i "$out.perf.data" | stackcollapse-perf.pl > "$out.folded"
      flamegraph.pl "$out.folded" > "$out.svg"
    else
      echo "no flame graph renderer found; install with: cargo install inferno" >&2
    fi
    ;;
  *)
    echo "unknown runtime: $runtime" >&2; exit 2 ;;
esac

ls -la "$out"* 2>/dev/null || true
