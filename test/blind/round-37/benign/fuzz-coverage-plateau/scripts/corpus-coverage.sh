#!/usr/bin/env bash
# Replay a corpus through a coverage-instrumented libFuzzer binary and render an llvm-cov report.
# Usage: corpus-coverage.sh <coverage-binary> <corpus-dir> <out-dir> [extra source filters...]
set -euo pipefail

bin="${1:?coverage binary}"; corpus="${2:?corpus dir}"; out="${3:?output dir}"; shift 3
profdata_tool="${LLVM_PROFDATA:-llvm-profdata}"
cov_tool="${LLVM_COV:-llvm-cov}"

mkdir -p "$out/raw"
rm -f "$out"/raw/*.profraw

echo "replaying $(find "$corpus" -type f | wc -l | tr -d ' ') inputs..." >&2
# libFuzzer with -runs=0 executes every corpus input once and exits.
LLVM_PROFILE_FILE="$out/raw/%p-%m.profraw" "$bin" -runs=0 "$corpus" 2>"$out/replay.log" || {
  echo "harness exited non-zero during replay (a crashing input in corpus?); see $out/replay.log" >&2
}

"$profdata_tool" merge -sparse "$out"/raw/*.profraw -o "$out/merged.profdata"

"$cov_tool" report "$bin" -instr-profile="$out/merged.profdata" "$@" > "$out/summary.txt"
"$cov_tool" show "$bin" -instr-profile="$out/merged.profdata" -format=html \
  -show-line-counts-or-regions -output-dir="$out/report" "$@"

# Functions with zero executions, for a quick list of unreached code.
"$cov_tool" report "$bin" -instr-profile="$out/merged.profdata" -show-functions "$@" 2>/dev/null \
  | awk 'NR>2 && $2 == $3 && $2 > 0 { print $1 }' > "$out/uncovered-functions.txt" || true

tail -n 3 "$out/summary.txt" >&2
echo "report: $out/report/index.html; $(wc -l < "$out/uncovered-functions.txt" | tr -d ' ') functions never reached" >&2
