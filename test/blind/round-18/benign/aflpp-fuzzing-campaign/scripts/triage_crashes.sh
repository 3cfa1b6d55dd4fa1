#!/usr/bin/env bash
# Replay AFL++ crashes against a sanitizer build and group them by top stack frames.
# usage: triage_crashes.sh <findings-dir> <asan-binary> <out-dir>
set -uo pipefail

findings=${1:?findings dir}
bin=${2:?sanitizer build}
out=${3:?output dir}
mkdir -p "$out/reports"
export ASAN_OPTIONS=abort_on_error=1:symbolize=1:detect_leaks=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

declare -A seen
total=0; unique=0
for crash in "$findings"/*/crashes/id:*; do
  [ -f "$crash" ] || continue
  total=$((total + 1))
  log=$(timeout 10 "$bin" < "$crash" 2>&1 >/dev/null)
  sig=$(printf '%s\n' "$log" | grep -E '^ +#[0-9]+ ' | head -n 3 \
        | sed -E 's/^ +#[0-9]+ 0x[0-9a-f]+ in //; s/ .*\// /' | tr '\n' '|')
  kind=$(printf '%s\n' "$log" | grep -oE 'ERROR: AddressSanitizer: [a-z-]+|runtime error: [a-z ]+' | head -n1)
  key="${kind}|${sig}"
  [ -z "$sig" ] && key="nosymbol|$(basename "$crash")"
  if [ -z "${seen[$key]:-}" ]; then
    unique=$((unique + 1))
    seen[$key]=$crash
    id=$(printf 'crash_%03d' "$unique")
    cp "$crash" "$out/$id.bin"
    { echo "input: $crash"; echo "kind: ${kind:-unknown}"; echo; echo "$log"; } > "$out/reports/$id.txt"
  fi
done

{
  echo "crashing inputs: $total"
  echo "unique (by top-3 frames): $unique"
  for key in "${!seen[@]}"; do echo "- ${key%%|*}: ${seen[$key]}"; done
} | tee "$out/summary.txt"
