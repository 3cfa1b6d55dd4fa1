#!/usr/bin/env bash
# Re-run every artifact once and group them by the first meaningful stack frame.
# Usage: triage.sh HARNESS_OR_TRACER.rb ARTIFACT_DIR
set -uo pipefail
harness="${1:?harness}"
dir="${2:?artifact dir}"
asan="$(ruby -e 'require "ruzzy"; print Ruzzy::ASAN_PATH')"
export ASAN_OPTIONS="allocator_may_return_null=1:detect_leaks=0:use_sigaltstack=0"

tmp="$(mktemp)"
for f in "$dir"/crash-* "$dir"/timeout-* "$dir"/oom-*; do
  [ -f "$f" ] || continue
  out="$(LD_PRELOAD="$asan" timeout 60 ruby "$harness" "$f" 2>&1)"
  sig="$(printf '%s\n' "$out" | grep -m1 -E 'SUMMARY: AddressSanitizer|^\S+\.rb:[0-9]+:in|Error \(|\(\w+Error\)' | sed -E 's/0x[0-9a-f]+/ADDR/g')"
  printf '%s\t%s\n' "${sig:-unknown}" "$(basename "$f")" >>"$tmp"
done
cut -f1 "$tmp" | sort | uniq -c | sort -rn
echo
echo "examples per signature:"
sort -u -t$'\t' -k1,1 "$tmp" | awk -F'\t' '{print "  " $2 "  <- " $1}'
rm -f "$tmp"
