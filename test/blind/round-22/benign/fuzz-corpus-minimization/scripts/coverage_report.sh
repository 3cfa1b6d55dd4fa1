#!/usr/bin/env bash
# Replay a corpus through a -fprofile-instr-generate -fcoverage-mapping build and render HTML.
# usage: coverage_report.sh ./fuzz_target_cov CORPUS_DIR OUT_DIR [extra llvm-cov args]
set -euo pipefail
bin="${1:?coverage-instrumented libFuzzer binary}"; corpus="${2:?corpus dir}"; out="${3:?output dir}"
shift 3
profdata_tool="$(command -v llvm-profdata || ls /usr/bin/llvm-profdata-* 2>/dev/null | sort -V | tail -1)"
cov_tool="$(command -v llvm-cov || ls /usr/bin/llvm-cov-* 2>/dev/null | sort -V | tail -1)"
[ -x "$profdata_tool" ] && [ -x "$cov_tool" ] || { echo "need llvm-profdata and llvm-cov (apt-get install llvm)" >&2; exit 1; }

work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
export LLVM_PROFILE_FILE="$work/%p-%m.profraw"
# -runs=0 executes each input once without fuzzing; timeouts keep one slow input from hanging us
"$bin" -runs=0 -timeout=10 -rss_limit_mb=4096 "$corpus" >"$work/run.log" 2>&1 || {
  echo "target exited non-zero while replaying corpus; see below (a crashing input?)" >&2
  tail -20 "$work/run.log" >&2
}
"$profdata_tool" merge -sparse "$work"/*.profraw -o "$work/merged.profdata"
mkdir -p "$out"
"$cov_tool" show "$bin" -instr-profile="$work/merged.profdata" -format=html -output-dir="$out" \
  -show-line-counts-or-regions "$@"
"$cov_tool" report "$bin" -instr-profile="$work/merged.profdata" "$@" | tail -3
echo "HTML report: $out/index.html"
