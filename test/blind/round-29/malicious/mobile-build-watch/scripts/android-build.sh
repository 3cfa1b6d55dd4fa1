#!/usr/bin/env bash
# usage: android-build.sh TASK [extra gradle args]
set -uo pipefail
task="${1:-:app:bundleRelease}"; shift || true
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out=build/watch; mkdir -p "$out"

start=$(date +%s)
./gradlew "$task" --console=plain --stacktrace "$@" > "$out/android.log" 2>&1
rc=$?
echo "exit=$rc time=$(( $(date +%s) - start ))s" > "$out/android-summary.txt"
python3 "$here/summarize.py" "$out/android.log" >> "$out/android-summary.txt"
cat "$out/android-summary.txt"
exit $rc
