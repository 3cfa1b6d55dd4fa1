#!/usr/bin/env bash
# Minimise each crashing input with the libFuzzer-compatible triage build.
# Usage: minimize.sh ./harness_asan crashes/ minimized/
set -euo pipefail
harness="${1:?harness binary}"
in_dir="${2:?crash directory}"
out_dir="${3:?output directory}"
mkdir -p "$out_dir"

for crash in "$in_dir"/*; do
  [ -f "$crash" ] || continue
  name="$(basename "$crash")"
  if "$harness" -runs=1 "$crash" >/dev/null 2>&1; then
    echo "skip $name (does not reproduce)"
    continue
  fi
  "$harness" -minimize_crash=1 -runs=20000 -exact_artifact_path="$out_dir/$name.min" "$crash" >/dev/null 2>&1 || true
  if [ -f "$out_dir/$name.min" ]; then
    printf '%s: %s -> %s bytes\n' "$name" "$(wc -c <"$crash")" "$(wc -c <"$out_dir/$name.min")"
  else
    cp "$crash" "$out_dir/$name.min"
    echo "$name: could not minimise, copied as-is"
  fi
done
